import GenCore

/// A piece of trivia: what sits between tokens and carries no meaning, but must survive `gen fmt`.
public enum TriviaPiece: Sendable, Hashable {
    case spaces(Int)
    case tabs(Int)
    /// `\n` line breaks (a `\r\n` pair counts as one and is reported as `carriageReturnLineFeeds`).
    case newlines(Int)
    case carriageReturnLineFeeds(Int)
    /// `// ...` without the line break.
    case lineComment(String)
    /// `/// ...` (a plain comment with no special meaning, kept apart so the formatter can keep its spelling).
    case docComment(String)
    /// `/* ... */`, possibly nested, possibly spanning lines (or unterminated at end of file).
    case blockComment(String)
    /// Any other byte run the lexer skipped as trivia (e.g. a byte-order mark).
    case unexpectedText(String)

    /// The comment text including its delimiters, for comment pieces.
    public var commentText: String? {
        switch self {
        case .lineComment(let text), .docComment(let text), .blockComment(let text): text
        default: nil
        }
    }

    /// Number of line breaks in this piece.
    public var lineBreaks: Int {
        switch self {
        case .newlines(let count), .carriageReturnLineFeeds(let count): count
        case .blockComment(let text): text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        default: 0
        }
    }

    /// Splits a trivia span (as produced by the lexer) into pieces.
    public static func decode(_ span: Span, in source: SourceFile) -> [TriviaPiece] {
        let bytes = source.bytes
        var pieces: [TriviaPiece] = []
        var i = min(max(span.start, 0), bytes.count)
        let end = min(span.end, bytes.count)
        func run(of byte: UInt8) -> Int {
            let start = i
            while i < end, bytes[i] == byte { i += 1 }
            return i - start
        }
        while i < end {
            let start = i
            switch bytes[i] {
            case UInt8(ascii: " "): pieces.append(.spaces(run(of: UInt8(ascii: " "))))
            case UInt8(ascii: "\t"): pieces.append(.tabs(run(of: UInt8(ascii: "\t"))))
            case UInt8(ascii: "\n"): pieces.append(.newlines(run(of: UInt8(ascii: "\n"))))
            case UInt8(ascii: "\r") where i + 1 < end && bytes[i + 1] == UInt8(ascii: "\n"):
                var count = 0
                while i + 1 < end, bytes[i] == UInt8(ascii: "\r"), bytes[i + 1] == UInt8(ascii: "\n") {
                    i += 2
                    count += 1
                }
                pieces.append(.carriageReturnLineFeeds(count))
            case UInt8(ascii: "/") where i + 1 < end && bytes[i + 1] == UInt8(ascii: "/"):
                while i < end, bytes[i] != UInt8(ascii: "\n"), !(bytes[i] == UInt8(ascii: "\r") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "\n")) { i += 1 }
                let text = source.text(of: Span(file: span.file, start: start, end: i))
                let isDoc = i - start >= 3 && bytes[start + 2] == UInt8(ascii: "/")
                pieces.append(isDoc ? .docComment(text) : .lineComment(text))
            case UInt8(ascii: "/") where i + 1 < end && bytes[i + 1] == UInt8(ascii: "*"):
                i = BlockComment.end(from: i, in: bytes, limit: end).end
                pieces.append(.blockComment(source.text(of: Span(file: span.file, start: start, end: i))))
            default:
                while i < end, !Self.startsPiece(bytes[i]) { i += 1 }
                if i == start { i += 1 }
                pieces.append(.unexpectedText(source.text(of: Span(file: span.file, start: start, end: i))))
            }
        }
        return pieces
    }

    private static func startsPiece(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "/")
    }
}

/// Scanning of nested block comments, shared by the lexer and trivia decoding.
enum BlockComment {
    /// From the `/*` at `start`, the offset just past the matching `*/` (or `limit`) and whether it was closed.
    static func end(from start: Int, in bytes: [UInt8], limit: Int) -> (end: Int, closed: Bool) {
        var depth = 0
        var i = start
        while i + 1 < limit {
            if bytes[i] == UInt8(ascii: "/"), bytes[i + 1] == UInt8(ascii: "*") {
                depth += 1
                i += 2
            } else if bytes[i] == UInt8(ascii: "*"), bytes[i + 1] == UInt8(ascii: "/") {
                depth -= 1
                i += 2
                if depth == 0 { return (i, true) }
            } else {
                i += 1
            }
        }
        return (limit, false)
    }
}
