/// Where `^`, `$`, `\A`, `\z`, `\Z`, `\b` and `\B` hold, as in ICU: `$` and `\Z` also hold before a line
/// terminator that ends the text (CR LF counting as one), and under `(?m)` `^` and `$` hold at every line
/// boundary, `^` not after a terminator that ends the text.
extension RegexMatcher {
    func holds(_ assertion: RegexAssertion, at position: Int) -> Bool {
        let count = text.count
        switch assertion {
        case .textStart: return position == 0
        case .textEnd: return position == count
        case .textEndOrFinalTerminator:
            if position == count { return true }
            if position == count - 2 { return text[position] == 0x0D && text[position + 1] == 0x0A }
            return position == count - 1 && LineTerminators.contains(text[position]) && !splitsCRLF(position)
        case .lineStart:
            return position == 0 || (position < count && LineTerminators.contains(text[position - 1]))
        case .lineEnd:
            return position == count || (LineTerminators.contains(text[position]) && !splitsCRLF(position))
        case .wordBoundary: return isWordBoundary(position)
        case .notWordBoundary: return !isWordBoundary(position)
        }
    }

    /// True between the CR and LF of a CR LF pair.
    private func splitsCRLF(_ position: Int) -> Bool {
        position > 0 && position < text.count && text[position] == 0x0A && text[position - 1] == 0x0D
    }

    private func isWordBoundary(_ position: Int) -> Bool {
        let before = position > 0 && Self.isWord(text[position - 1])
        let after = position < text.count && Self.isWord(text[position])
        return before != after
    }

    /// `\w`, with ASCII answered from a bitmap: `\b` asks twice per position.
    private static func isWord(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0..<0x80: return false
        default: return ScalarProperty.word.contains(scalar)
        }
    }
}
