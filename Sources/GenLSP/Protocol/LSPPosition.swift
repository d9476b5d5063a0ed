import GenCore

/// A position as LSP counts it: 0-based line, 0-based character in UTF-16 code units.
public struct LSPPosition: Sendable, Equatable, Comparable {
    public let line: Int
    public let character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }

    var json: JSONValue { .object(["line": .int(line), "character": .int(character)]) }
}

public struct LSPRange: Sendable, Equatable {
    public let start: LSPPosition
    public let end: LSPPosition

    var json: JSONValue { .object(["start": start.json, "end": end.json]) }
}

/// Converts between the byte offsets of spans and LSP positions in one file.
///
/// Spans count UTF-8 bytes, LSP counts UTF-16 units: `é` is 2 bytes and 1 unit, `😀` 4 bytes and 2 units.
struct PositionMap {
    let lines: LineIndex

    init(_ file: SourceFile) {
        lines = LineIndex(file)
    }

    private var bytes: [UInt8] { lines.file.bytes }

    func position(of offset: Int) -> LSPPosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lines.line(of: clamped)
        let start = lines.lineStarts[line - 1]
        return LSPPosition(line: line - 1, character: Self.utf16Count(bytes[start..<clamped]))
    }

    func range(of span: Span) -> LSPRange {
        LSPRange(start: position(of: span.start), end: position(of: span.end))
    }

    /// The byte offset of a position; a character past the line's end means its end, a line past the file its end.
    func offset(of position: LSPPosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lines.lineCount else { return bytes.count }
        let range = lines.byteRange(ofLine: position.line + 1)
        var units = 0
        var offset = range.lowerBound
        while offset < range.upperBound, units < position.character {
            let byte = bytes[offset]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            units += width == 4 ? 2 : 1
            offset += width
        }
        return min(offset, range.upperBound)
    }

    /// UTF-16 units of valid UTF-8 bytes, counted from lead bytes (4-byte sequences are surrogate pairs).
    static func utf16Count(_ slice: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in slice where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        return count
    }
}
