import GenCore
import Foundation

/// Normalises text for duplicate detection: NFKC compatibility folding (so "ﬁ" = "fi", full-width = ASCII),
/// lowercasing, apostrophes deleted ("don't" = "dont"), every other non-letter, non-digit run turned into one
/// space, and leading and trailing space dropped.
///
/// ASCII text, the common case, takes a byte-level fast path; other text goes through Foundation's NFKC.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var builder = Builder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                builder.addASCII(UInt8(truncatingIfNeeded: scalar.value))
            } else if isPlainSeparator(scalar) {
                builder.add(scalar)
            } else {
                return normalizeUnicode(text)
            }
        }
        return builder.finish()
    }

    /// Punctuation, symbols and spaces that NFKC case folding leaves alone ("£", "€", "–", "“"): they only
    /// separate words, so text whose only non-ASCII characters are these needs no Foundation normalisation.
    /// ("…" and "™" change under NFKC and take the general path.)
    private static func isPlainSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        guard !properties.changesWhenNFKCCaseFolded, properties.canonicalCombiningClass == .notReordered else {
            return false
        }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .spaceSeparator:
            return true
        default:
            return false
        }
    }

    /// The general path, once a non-ASCII byte has been seen.
    private static func normalizeUnicode(_ text: String) -> NormalizedText {
        var builder = Builder(capacity: text.utf8.count)
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in folded.unicodeScalars { builder.add(scalar) }
        return builder.finish()
    }

    /// Accumulates normalised bytes and word hashes in one pass.
    struct Builder {
        var bytes: [UInt8]
        var words: [UInt64] = []
        var wordHash = StableHash.offsetBasis
        var inWord = false

        init(capacity: Int) {
            bytes = []
            bytes.reserveCapacity(capacity)
            words.reserveCapacity(capacity / 4 + 1)
        }

        mutating func addASCII(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte | 0x20)
            case UInt8(ascii: "'"): break  // apostrophes join: "don't" and "dont" are the same word
            default: endWord()
            }
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                addASCII(UInt8(scalar.value))
                return
            }
            if scalar == "\u{2019}" || scalar == "\u{02BC}" { return }  // typographic apostrophes
            let properties = scalar.properties
            let keeps = properties.isAlphabetic || properties.numericType != nil
                || [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
            guard keeps else {
                endWord()
                return
            }
            for byte in String(scalar).utf8 { append(byte) }
        }

        mutating func append(_ byte: UInt8) {
            if !inWord {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                inWord = true
                wordHash = StableHash.offsetBasis
            }
            bytes.append(byte)
            wordHash = (wordHash ^ UInt64(byte)) &* StableHash.prime
        }

        mutating func endWord() {
            guard inWord else { return }
            words.append(StableHash.mix(wordHash))
            inWord = false
        }

        mutating func finish() -> NormalizedText {
            endWord()
            return NormalizedText(bytes: bytes, wordHashes: words)
        }
    }
}
