/// A named family of scalars inside a class: `\d`, `\w`, `\s`, `\h`, `\v`, `\p{...}` and `[:...:]`.
/// Definitions follow ICU's, so patterns written for NSRegularExpression keep their meaning.
enum ScalarProperty: Sendable, Equatable {
    /// `\d`: decimal digits of any script (`\p{Nd}`).
    case digit
    /// `\w`: letters, marks, decimal digits, connector punctuation, ZWNJ and ZWJ.
    case word
    /// `\s`: the Unicode White_Space property.
    case space
    /// `\h`: horizontal white space (tab and the space separators).
    case horizontalSpace
    /// `\v`: vertical white space, the line terminators.
    case verticalSpace
    case categories([Unicode.GeneralCategory])
    case alphabetic
    case lowercase
    case uppercase
    case hexDigit
    case ascii
    case anyScalar

    func contains(_ value: UInt32) -> Bool {
        if value < 0x80 { return containsASCII(UInt8(value)) }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        switch self {
        case .digit: return properties.generalCategory == .decimalNumber
        case .word: return Self.isWord(properties) || value == 0x200C || value == 0x200D
        case .space: return properties.isWhitespace
        case .horizontalSpace: return properties.generalCategory == .spaceSeparator
        case .verticalSpace: return LineTerminators.contains(value)
        case .categories(let categories): return categories.contains(properties.generalCategory)
        case .alphabetic: return properties.isAlphabetic
        case .lowercase: return properties.isLowercase
        case .uppercase: return properties.isUppercase
        case .hexDigit: return properties.isHexDigit
        case .ascii: return false
        case .anyScalar: return true
        }
    }

    private func containsASCII(_ byte: UInt8) -> Bool {
        let scalar = Unicode.Scalar(byte)
        let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        let isDigit = (0x30...0x39).contains(byte)
        switch self {
        case .digit: return isDigit
        case .word: return isLetter || isDigit || byte == 0x5F
        case .space: return (0x09...0x0D).contains(byte) || byte == 0x20
        case .horizontalSpace: return byte == 0x09 || byte == 0x20
        case .verticalSpace: return LineTerminators.contains(UInt32(byte))
        case .categories(let categories): return categories.contains(scalar.properties.generalCategory)
        case .alphabetic: return isLetter
        case .lowercase: return (0x61...0x7A).contains(byte)
        case .uppercase: return (0x41...0x5A).contains(byte)
        case .hexDigit: return isDigit || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        case .ascii, .anyScalar: return true
        }
    }

    private static func isWord(_ properties: Unicode.Scalar.Properties) -> Bool {
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }
}

/// What ends a line for `.`, `$`, `^` under `(?m)` and `\v`: LF, VT, FF, CR, NEL, LS and PS (ICU's set).
enum LineTerminators {
    static func contains(_ value: UInt32) -> Bool {
        (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
    }
}
