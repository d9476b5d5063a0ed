/// Identifies one source file among those loaded in a session (a script, its imports, REPL inputs).
public struct FileID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(_ rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "#\(rawValue)" }
}

/// A source text with its display path and file id.
///
/// The UTF-8 bytes are kept next to the text because the lexer works on bytes and spans are byte offsets.
public struct SourceFile: Sendable, Hashable {
    public let id: FileID
    /// The path shown in diagnostics (as the user typed it, not necessarily absolute).
    public let path: String
    public let text: String
    /// The UTF-8 encoding of `text`.
    public let bytes: [UInt8]

    public init(id: FileID = FileID(0), path: String, text: String) {
        self.id = id
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// The whole file as a span.
    public var span: Span { Span(file: id, start: 0, length: bytes.count) }

    /// The source text covered by `span` (which must belong to this file); out-of-range parts are clipped.
    public func text(of span: Span) -> String {
        let start = min(max(span.start, 0), bytes.count)
        let end = min(max(span.end, start), bytes.count)
        guard start < end else { return "" }
        // Through a buffer pointer: String's fast validating path (an ArraySlice takes a slow generic path).
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
        lhs.id == rhs.id && lhs.path == rhs.path && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(path)
    }
}
