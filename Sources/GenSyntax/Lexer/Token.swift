import GenCore

/// One token: kind, span, and the extent of the trivia around it.
///
/// Trivia is stored as byte lengths, not as arrays, so lexing allocates nothing per token; decode it with
/// `leadingTrivia(in:)` / `trailingTrivia(in:)`. Leading trivia is everything since the previous token's trailing
/// trivia; trailing trivia is the spaces and comments after the token up to (not including) the end of its line.
public struct Token: Sendable, Hashable {
    public let kind: TokenKind
    public let span: Span
    /// Bytes of trivia just before `span`.
    public let leadingTriviaLength: UInt32
    /// Bytes of trivia just after `span`.
    public let trailingTriviaLength: UInt32
    /// True when only trivia separates this token from the start of its line (or of the file).
    public let isAtStartOfLine: Bool

    public init(kind: TokenKind, span: Span, leadingTriviaLength: Int = 0, trailingTriviaLength: Int = 0, isAtStartOfLine: Bool = false) {
        self.kind = kind
        self.span = span
        self.leadingTriviaLength = UInt32(clamping: leadingTriviaLength)
        self.trailingTriviaLength = UInt32(clamping: trailingTriviaLength)
        self.isAtStartOfLine = isAtStartOfLine
    }

    public var leadingTriviaSpan: Span {
        Span(file: span.file, start: span.start - Int(leadingTriviaLength), length: Int(leadingTriviaLength))
    }

    public var trailingTriviaSpan: Span {
        Span(file: span.file, start: span.end, length: Int(trailingTriviaLength))
    }

    /// The leading trivia decoded into pieces (comments, spaces, newlines).
    public func leadingTrivia(in source: SourceFile) -> [TriviaPiece] {
        TriviaPiece.decode(leadingTriviaSpan, in: source)
    }

    /// The trailing trivia decoded into pieces.
    public func trailingTrivia(in source: SourceFile) -> [TriviaPiece] {
        TriviaPiece.decode(trailingTriviaSpan, in: source)
    }

    /// The token's exact spelling in the source.
    public func text(in source: SourceFile) -> String {
        source.text(of: span)
    }
}
