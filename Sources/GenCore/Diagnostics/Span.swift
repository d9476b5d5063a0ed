/// A range of UTF-8 bytes in one source file. Line and column are computed on demand by `LineIndex`.
///
/// Stored as 32-bit values so tokens stay small; a source file larger than 4 GiB is not supported.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public let file: FileID
    private let rawStart: UInt32
    private let rawLength: UInt32

    public init(file: FileID, start: Int, length: Int) {
        self.file = file
        self.rawStart = UInt32(clamping: start)
        self.rawLength = UInt32(clamping: length)
    }

    /// A span from `start` (inclusive) to `end` (exclusive).
    public init(file: FileID, start: Int, end: Int) {
        self.init(file: file, start: start, length: max(0, end - start))
    }

    /// Byte offset of the first byte.
    public var start: Int { Int(rawStart) }
    /// Number of bytes covered.
    public var length: Int { Int(rawLength) }
    /// Byte offset just past the last byte.
    public var end: Int { start + length }
    public var isEmpty: Bool { rawLength == 0 }

    /// The empty span at the start of this one.
    public var startPoint: Span { Span(file: file, start: start, length: 0) }
    /// The empty span at the end of this one.
    public var endPoint: Span { Span(file: file, start: end, length: 0) }

    /// The smallest span covering both (same file assumed; the receiver's file wins).
    public func union(_ other: Span) -> Span {
        Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    public var description: String { "\(file)[\(start)..<\(end)]" }
}
