import GenCore

/// Where each scalar of a string literal's text came from in the source, so a check can point inside the
/// literal (at the `(` of the regex `"a(b"`) rather than at all of it. An escape (`\n`, `\\`, `\u{1F600}`)
/// maps to its whole spelling.
public enum LiteralSourceMap {
    /// Byte ranges, one per decoded scalar, of the text of `literal` when it is a single-line literal without
    /// interpolation whose decoding gives `text`; nil otherwise (multi-line strings strip indentation).
    public static func scalarRanges(_ literal: StringExpr, decoding text: String, in source: SourceFile) -> [Range<Int>]? {
        guard !literal.isMultiline, literal.segments.count == 1, case .text(let decoded, let span) = literal.segments[0],
              decoded == text, span.end <= source.bytes.count else { return nil }
        let bytes = source.bytes
        var ranges: [Range<Int>] = []
        var index = span.start
        while index < span.end {
            let start = index
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < span.end {
                index += 2
                // `\u{...}` runs to its closing brace.
                if bytes[index - 1] == UInt8(ascii: "u") {
                    while index < span.end, bytes[index - 1] != UInt8(ascii: "}") { index += 1 }
                }
            } else {
                index += 1
                while index < span.end, bytes[index] & 0xC0 == 0x80 { index += 1 }
            }
            ranges.append(start..<index)
        }
        return ranges.count == text.unicodeScalars.count ? ranges : nil
    }
}
