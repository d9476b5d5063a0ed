import GenCore

extension Lexer {
    /// multiline_string = '"""' , line_break , { ? line ? } , ? indentation ? , '"""' ;
    ///
    /// As in Swift: content starts on the line after the opening delimiter, the indentation of the closing
    /// delimiter is removed from every line, and the line break before the closing delimiter is not content.
    mutating func lexMultilineString() -> TokenKind {
        let start = position
        position += 3
        var builder = SegmentBuilder(file: source.id, start: position)
        let openingLineEnd = restOfLineEnd(from: position)
        if bytes[position..<openingLineEnd].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
            report(Messages.multilineStringOpeningLine(), position, openingLineEnd)
        }
        position = min(openingLineEnd + (openingLineEnd < bytes.count && bytes[openingLineEnd] == UInt8(ascii: "\r") ? 2 : 1), bytes.count)
        builder.restart(at: position)
        guard let closing = findClosingDelimiter(from: position) else {
            reportUnterminated(Messages.unterminatedMultilineString(), start, start + 3)
            lexMultilineContent(upTo: bytes.count, indentation: [], into: &builder)
            builder.flush(at: max(position, builder.currentStart))
            return .string(StringLiteral(segments: builder.segments, isMultiline: true))
        }
        lexMultilineContent(upTo: closing.lineStart, indentation: Array(bytes[closing.lineStart..<closing.delimiter]), into: &builder)
        builder.flush(at: max(min(position, closing.lineStart), builder.currentStart))
        position = max(position, closing.delimiter + 3)
        return .string(StringLiteral(segments: builder.segments, isMultiline: true))
    }

    /// Offset of the line break (or end of file) ending the line that contains `offset`.
    func restOfLineEnd(from offset: Int) -> Int {
        var end = offset
        while end < bytes.count, !isLineBreak(at: end) { end += 1 }
        return end
    }

    /// The first line from `offset` whose first non-blank characters are `"""`.
    func findClosingDelimiter(from offset: Int) -> (lineStart: Int, delimiter: Int)? {
        var lineStart = offset
        while lineStart < bytes.count {
            var i = lineStart
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
            if i + 2 < bytes.count, bytes[i] == UInt8(ascii: "\""), bytes[i + 1] == UInt8(ascii: "\""), bytes[i + 2] == UInt8(ascii: "\"") {
                return (lineStart, i)
            }
            let end = restOfLineEnd(from: i)
            guard end < bytes.count else { return nil }
            lineStart = end + (bytes[end] == UInt8(ascii: "\r") ? 2 : 1)
        }
        return nil
    }

    /// Lexes content lines up to `limit` (the start of the closing delimiter's line), stripping `indentation`.
    mutating func lexMultilineContent(upTo limit: Int, indentation: [UInt8], into builder: inout SegmentBuilder) {
        var atLineStart = true
        while position < limit {
            if atLineStart {
                atLineStart = false
                stripIndentation(indentation, limit: limit)
                builder.restartIfEmpty(at: position)
                continue
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n")) {
                position += byte == UInt8(ascii: "\r") ? 2 : 1
                if position < limit { builder.append(UInt8(ascii: "\n")) }
                atLineStart = true
            } else if byte == UInt8(ascii: "\\") {
                if peek(1) == UInt8(ascii: "(") {
                    builder.flush(at: position)
                    guard lexInterpolation(into: &builder, multiline: true) else { return }
                } else {
                    lexEscape(into: &builder)
                }
            } else {
                builder.append(byte)
                position += 1
            }
        }
    }

    /// Skips the closing delimiter's indentation at the start of a content line; blank lines may be shorter.
    mutating func stripIndentation(_ indentation: [UInt8], limit: Int) {
        let lineStart = position
        var matched = 0
        while matched < indentation.count, position < limit, bytes[position] == indentation[matched] {
            position += 1
            matched += 1
        }
        guard matched < indentation.count, position < limit, !isLineBreak(at: position) else { return }
        var end = position
        while end < limit, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        report(Messages.multilineStringIndentation(), lineStart, max(end, lineStart + 1))
        position = end
    }
}

extension SegmentBuilder {
    /// Where the current text segment started.
    var currentStart: Int { textStartOffset }
}
