/// A token as a range into the lowercased scalar buffer; `isWord` is false for single punctuation marks.
struct TokenSpan {
    var start: Int
    var end: Int
    var isWord: Bool
}

/// Lowercases and splits text into words (runs of letters and digits) and single punctuation/symbol tokens.
///
/// Deliberately simple and language-agnostic: the character n-grams carry the morphology.
enum Tokenizer {
    static func tokenize(_ text: String) -> (scalars: [UInt32], tokens: [TokenSpan]) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        var tokens: [TokenSpan] = []
        var wordStart = -1
        for scalar in text.lowercased().unicodeScalars {
            let kind = classify(scalar)
            if kind == .wordCharacter {
                if wordStart < 0 { wordStart = scalars.count }
                scalars.append(scalar.value)
                continue
            }
            if wordStart >= 0 {
                tokens.append(TokenSpan(start: wordStart, end: scalars.count, isWord: true))
                wordStart = -1
            }
            if kind == .symbol {
                scalars.append(scalar.value)
                tokens.append(TokenSpan(start: scalars.count - 1, end: scalars.count, isWord: false))
            }
        }
        if wordStart >= 0 { tokens.append(TokenSpan(start: wordStart, end: scalars.count, isWord: true)) }
        return (scalars, tokens)
    }

    /// The token texts, for tests and debugging.
    static func words(_ text: String) -> [String] {
        let (scalars, tokens) = tokenize(text)
        return tokens.map { token in
            String(String.UnicodeScalarView(scalars[token.start..<token.end].compactMap(Unicode.Scalar.init)))
        }
    }

    private enum Kind { case wordCharacter, symbol, separator }

    @inline(__always)
    private static func classify(_ scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 128 {  // ASCII fast path: most of the text
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) {
                return .wordCharacter
            }
            return value <= 0x20 || value == 0x7F ? .separator : .symbol
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return .wordCharacter }
        if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format {
            return .separator
        }
        return .symbol
    }
}
