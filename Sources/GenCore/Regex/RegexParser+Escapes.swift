/// Backslash escapes, outside and inside classes: assertions, class shorthands, `\p{...}`, code points and
/// escaped punctuation. An unknown letter escape is an error rather than the letter, so typos show.
extension RegexParser {
    /// After the `\` of an escape outside a class.
    mutating func parseEscape(_ start: Int) throws(RegexSyntaxError) -> RegexNode {
        guard let scalar = next() else {
            throw error("the pattern ends with a lone `\\`", at: start, hint: "write \\\\ to match a backslash")
        }
        switch scalar {
        case "A": return .assertion(.textStart)
        case "z": return .assertion(.textEnd)
        case "Z": return .assertion(.textEndOrFinalTerminator)
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "Q": return parseQuoted()
        case "R":
            // A line break: CR LF as one, or any single line terminator.
            let crlf = RegexNode.concat([.scalar(0x0D, foldCase: false), .scalar(0x0A, foldCase: false)])
            return .alternation([crlf, .set(ScalarClass(.verticalSpace, negated: false, foldCase: false).finished())])
        case "1"..."9", "k":
            throw unsupported("a backreference `\\\(scalar)`", start, length: 2, hint: "compare the parts in the rule instead")
        default:
            if let set = try parseClassEscape(scalar, start) { return .set(set.finished()) }
            return literal(try parseScalarEscape(scalar, start))
        }
    }

    /// `\Q...\E`: everything up to `\E` (or the end) literally.
    private mutating func parseQuoted() -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = next() {
            if scalar == "\\" && peek == "E" {
                position += 1
                break
            }
            items.append(literal(scalar.value))
        }
        return .concat(items)
    }

    /// `\d \D \w \W \s \S \h \H \v \V \p{..} \P{..}`, or nil for any other escape.
    mutating func parseClassEscape(_ scalar: Unicode.Scalar, _ start: Int) throws(RegexSyntaxError) -> ScalarClass? {
        let property: ScalarProperty
        switch scalar {
        case "d", "D": property = .digit
        case "w", "W": property = .word
        case "s", "S": property = .space
        case "h", "H": property = .horizontalSpace
        case "v", "V": property = .verticalSpace
        case "p", "P": return try parseUnicodeProperty(negated: scalar == "P", start)
        default: return nil
        }
        let negated = ("A"..."Z").contains(scalar)
        return ScalarClass(property, negated: negated, foldCase: false)
    }

    /// `\p{L}`, `\p{Lu}`, `\p{Alphabetic}`, `\p{^L}`, `\pL`.
    private mutating func parseUnicodeProperty(negated: Bool, _ start: Int) throws(RegexSyntaxError) -> ScalarClass {
        var name = ""
        var inverted = negated
        if peek == "{" {
            position += 1
            if peek == "^" {
                inverted.toggle()
                position += 1
            }
            while let scalar = next(), scalar != "}" { name.unicodeScalars.append(scalar) }
            guard position <= scalars.count, scalars[position - 1] == "}" else {
                throw error("unclosed `\\p{`", at: start, length: position - start)
            }
        } else if let letter = next() {
            name = String(Character(letter))
        }
        guard let property = PropertyNames.property(name) else {
            throw error(
                "unknown Unicode property `\(name)`", at: start, length: position - start,
                hint: "known: general categories such as L, Lu, Ll, N, Nd, P, S, Z, and Alphabetic, White_Space, "
                    + "Uppercase, Lowercase, ASCII; scripts such as Greek are not supported")
        }
        return ScalarClass(property, negated: inverted, foldCase: false)
    }

    /// The scalar an escape stands for: control characters, `\uhhhh`, `\x{h..}`, `\0ooo`, `\cX`, or an
    /// escaped non-letter (`\.`, `\\`, `\-`, `\é`).
    mutating func parseScalarEscape(_ scalar: Unicode.Scalar, _ start: Int) throws(RegexSyntaxError) -> UInt32 {
        switch scalar {
        case "n": return 0x0A
        case "t": return 0x09
        case "r": return 0x0D
        case "f": return 0x0C
        case "a": return 0x07
        case "e": return 0x1B
        case "u": return try parseHex(start, exactly: 4)
        case "U": return try parseHex(start, exactly: 8)
        case "x":
            guard peek == "{" else { return try parseHex(start, exactly: 2, atLeast: 1) }
            position += 1
            let value = try parseHex(start, exactly: 6, atLeast: 1)
            guard next() == "}" else { throw error("unclosed `\\x{`", at: start, length: position - start) }
            return value
        case "0":
            var value: UInt32 = 0
            for _ in 0..<3 {
                guard let digit = peek, ("0"..."7").contains(digit) else { break }
                value = value * 8 + digit.value - 0x30
                position += 1
            }
            return value
        case "c":
            guard let letter = next(), letter.isASCII, letter.properties.isAlphabetic else {
                throw error("`\\c` must be followed by a letter", at: start, length: position - start)
            }
            return (letter.value & 0xDF) - 0x40
        case "N":
            throw error("`\\N{...}` is not supported", at: start, length: 2, hint: "write the character itself or \\uXXXX")
        case "G", "X", "K":
            throw unsupported("`\\\(scalar)`", start, length: 2, hint: nil)
        case _ where scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)):
            throw error(
                "unknown escape `\\\(scalar)`", at: start, length: 2,
                hint: "to match the character itself, drop the backslash")
        default:
            return scalar.value
        }
    }

    /// `exactly` hex digits (or, with `atLeast`, between that many and `exactly`), a valid scalar.
    private mutating func parseHex(_ start: Int, exactly count: Int, atLeast minimum: Int? = nil) throws(RegexSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        var digits = 0
        while digits < count, let scalar = peek, let digit = scalar.properties.isASCIIHexDigit ? UInt32(String(scalar), radix: 16) : nil {
            value = value * 16 + digit
            digits += 1
            position += 1
        }
        guard digits >= (minimum ?? count), Unicode.Scalar(value) != nil else {
            throw error(
                "invalid code point escape", at: start, length: position - start,
                hint: "write \\uhhhh with four hex digits, or \\x{h...} with up to six")
        }
        return value
    }
}
