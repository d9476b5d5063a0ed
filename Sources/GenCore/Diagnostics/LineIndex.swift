/// A 1-based line and column. Columns count grapheme clusters (what a reader calls characters).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Maps byte offsets of one file to lines and columns.
///
/// Building it is one pass over the bytes to find line starts; columns are computed per query, so nothing
/// position-related is stored per token.
public struct LineIndex: Sendable {
    public let file: SourceFile
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ file: SourceFile) {
        self.file = file
        var starts = [0]
        let bytes = file.bytes
        // `\n`, `\r\n` and a lone `\r` (classic Mac files) each end a line.
        for (offset, byte) in bytes.enumerated()
            where byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n"))) {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line containing `offset` (offsets past the end map to the last line).
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Line and grapheme column of a byte offset (clamped to the file).
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), file.bytes.count)
        let line = line(of: clamped)
        let prefix = file.bytes[lineStarts[line - 1]..<clamped]
        return SourceLocation(line: line, column: String(decoding: prefix, as: UTF8.self).count + 1)
    }

    /// Byte range of a 1-based line, without its line terminator (`\n` or `\r\n`).
    public func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return file.bytes.count..<file.bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : file.bytes.count
        if end > start, file.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// The text of a 1-based line, without its line terminator.
    public func text(ofLine line: Int) -> String {
        String(decoding: file.bytes[byteRange(ofLine: line)], as: UTF8.self)
    }
}
