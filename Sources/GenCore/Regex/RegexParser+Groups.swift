/// `(...)`, `(?:...)`, named groups, inline flags and comments; and the constructs that need backtracking,
/// refused with what to write instead.
extension RegexParser {
    static let linearTime = "Gen's regular expressions run in linear time over model output"

    /// After the `(`. Returns nil for `(?i)` and `(?#...)`, which match nothing themselves.
    mutating func parseGroup(_ start: Int) throws(RegexSyntaxError) -> RegexNode? {
        guard depth < LinearRegex.maxNestingDepth else {
            throw error("groups are nested more than \(LinearRegex.maxNestingDepth) deep", at: start)
        }
        guard peek == "?" else { return try groupBody(start, flags: flags) }
        position += 1
        guard let kind = next() else { throw unclosed(start) }
        switch kind {
        case ":": return try groupBody(start, flags: flags)
        case "<" where peek == "=" || peek == "!":
            throw unsupported("lookbehind `(?<\(peek!)`", start, length: 4, hint: "use a second `matches` in the rule instead")
        case "<":
            try skipGroupName(start, closing: ">")
            return try groupBody(start, flags: flags)
        case "P" where peek == "<":
            position += 1
            try skipGroupName(start, closing: ">")
            return try groupBody(start, flags: flags)
        case "=", "!":
            throw unsupported("lookahead `(?\(kind)`", start, length: 3, hint: "use a second `matches` (or `!matches`) in the rule instead")
        case ">":
            throw unsupported("an atomic group `(?>`", start, length: 3, hint: "write `(?:` instead: these patterns never backtrack, so it matches the same")
        case "#":
            while let scalar = next() {
                if scalar == ")" { return nil }
            }
            throw unclosed(start)
        default:
            position -= 1
            return try parseFlags(start)
        }
    }

    /// The group's alternatives up to its `)`; flags set inside end with it.
    private mutating func groupBody(_ start: Int, flags inner: Flags) throws(RegexSyntaxError) -> RegexNode {
        let outer = flags
        flags = inner
        depth += 1
        let node = try parseAlternation()
        depth -= 1
        flags = outer
        guard next() == ")" else { throw unclosed(start) }
        return node
    }

    /// `(?i)`, `(?-i)`, `(?im-sx)` for the rest of the group, or `(?i:...)` for a group of its own.
    private mutating func parseFlags(_ start: Int) throws(RegexSyntaxError) -> RegexNode? {
        var changed = flags
        var enabling = true
        while let scalar = next() {
            switch scalar {
            case "i": changed.caseInsensitive = enabling
            case "s": changed.dotAll = enabling
            case "m": changed.multiline = enabling
            case "x": changed.extended = enabling
            case "-" where enabling: enabling = false
            case ")":
                flags = changed
                return nil
            case ":":
                return try groupBody(start, flags: changed)
            case "0"..."9", "R", "+", "&", "-":
                throw unsupported("recursion `(?\(scalar)`", start, length: position - start, hint: nil)
            case "(":
                throw unsupported("a conditional `(?(`", start, length: position - start, hint: "use `if ... then ... else` in the rule instead")
            case "|":
                throw unsupported("a branch reset `(?|`", start, length: position - start, hint: "write `(?:` instead")
            default:
                throw error(
                    "unknown group or flag `(?\(scalar)`", at: start, length: position - start,
                    hint: "flags are i (ignore case), m (^ and $ at line ends), s (. matches line ends) and x (ignore spaces and # comments)")
            }
        }
        throw unclosed(start)
    }

    /// The name of `(?<name>...)`; names are not used, since only "is there a match" is asked.
    private mutating func skipGroupName(_ start: Int, closing: Unicode.Scalar) throws(RegexSyntaxError) {
        let nameStart = position
        while let scalar = peek, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
            position += 1
        }
        guard position > nameStart, !("0"..."9").contains(scalars[nameStart]), next() == closing else {
            throw error(
                "a group name must be letters, digits and `_`, closed by `\(closing)`", at: start,
                length: position - start, hint: "e.g. (?<year>[0-9]{4})")
        }
    }

    func unclosed(_ start: Int) -> RegexSyntaxError {
        error("unclosed `(`", at: start, hint: "add a `)`, or write \\( to match a parenthesis")
    }

    func unsupported(_ construct: String, _ start: Int, length: Int, hint: String?) -> RegexSyntaxError {
        error(
            "\(construct) is not supported: \(Self.linearTime)", at: start, length: length,
            hint: hint ?? "Gen's patterns have no backtracking constructs; match the parts with separate `matches` calls")
    }
}
