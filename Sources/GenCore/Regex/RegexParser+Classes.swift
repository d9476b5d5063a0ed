/// Bracket classes: `[a-z0-9_]`, `[^...]`, escapes and shorthands inside, `[:alpha:]`. ICU's set operations
/// (`[a-z&&[^aeiou]]`, `[a-z--c]`) and nested sets are refused rather than read differently.
extension RegexParser {
    private enum ClassAtom {
        case scalar(UInt32)
        case set(ScalarClass)
    }

    /// After the `[`; leaves `position` after the closing `]`. A `]` right after `[` or `[^` is literal.
    mutating func parseClass(_ start: Int) throws(RegexSyntaxError) -> ScalarClass {
        var set = ScalarClass(foldCase: flags.caseInsensitive)
        if peek == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while true {
            guard let scalar = peek else {
                throw error("unclosed `[`", at: start, hint: "add a `]`, or write \\[ to match a bracket")
            }
            if scalar == "]" && !first {
                position += 1
                return set.finished()
            }
            first = false
            if (scalar == "&" && peek(1) == "&") || (scalar == "-" && peek(1) == "-") || (scalar == "[" && peek(1) != ":") {
                throw error(
                    "set operations and nested classes are not supported", at: position, length: 2,
                    hint: "write \\\(scalar) for a literal `\(scalar)`, or split the class into alternatives with |")
            }
            let atomStart = position
            switch try parseClassAtom() {
            case .set(let inner):
                set.properties += inner.properties
            case .scalar(let low):
                guard peek == "-", let after = peek(1), after != "]" else {
                    set.ranges.append(low...low)
                    continue
                }
                position += 1
                guard case .scalar(let high) = try parseClassAtom() else {
                    throw error("a range cannot end with a class such as \\d", at: atomStart, length: position - atomStart)
                }
                guard low <= high else {
                    throw error("the range is out of order (its first character comes after its last)", at: atomStart, length: position - atomStart)
                }
                set.ranges.append(low...high)
            }
        }
    }

    private mutating func parseClassAtom() throws(RegexSyntaxError) -> ClassAtom {
        let start = position
        guard let scalar = next() else { throw error("unclosed `[`", at: start) }
        if scalar == "[" { return .set(try parsePosixClass(start)) }
        guard scalar == "\\" else { return .scalar(scalar.value) }
        guard let escaped = next() else {
            throw error("the pattern ends with a lone `\\`", at: start, hint: "write \\\\ to match a backslash")
        }
        if let set = try parseClassEscape(escaped, start) { return .set(set) }
        if "bBAzZQRG".unicodeScalars.contains(escaped) || ("1"..."9").contains(escaped) {
            throw error(
                "`\\\(escaped)` cannot be used inside a character class", at: start, length: 2,
                hint: escaped == "b" ? "write \\x08 for a backspace" : nil)
        }
        return .scalar(try parseScalarEscape(escaped, start))
    }

    /// `[:alpha:]` or `[:^alpha:]`, after its `[`.
    private mutating func parsePosixClass(_ start: Int) throws(RegexSyntaxError) -> ScalarClass {
        position += 1
        let negated = peek == "^"
        if negated { position += 1 }
        var name = ""
        while let scalar = peek, scalar.properties.isAlphabetic {
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard next() == ":", next() == "]", let property = PropertyNames.posix(name) else {
            throw error(
                "unknown POSIX class `[:\(name):]`", at: start, length: position - start,
                hint: "known: alpha, digit, alnum, space, blank, upper, lower, punct, xdigit, word, cntrl")
        }
        return ScalarClass(property, negated: negated, foldCase: false)
    }
}
