import GenCore

/// A lexed string literal: its decoded pieces, in order.
///
/// Interpolations keep the tokens of the embedded expression (with absolute spans and their own trivia), so the
/// parser parses `\(expr)` like any other expression and every node points into the original source.
public struct StringLiteral: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        /// Decoded text (escapes resolved, multi-line indentation stripped) and the source it came from.
        case text(String, Span)
        /// The tokens between `\(` and `)`, ending with an `.endOfFile` token; the span covers `\(` ... `)`.
        case interpolation([Token], Span)
    }

    public let segments: [Segment]
    /// True for `"""` literals.
    public let isMultiline: Bool

    public init(segments: [Segment], isMultiline: Bool) {
        self.segments = segments
        self.isMultiline = isMultiline
    }

    /// The whole value when the literal has no interpolation.
    public var plainValue: String? {
        var value = ""
        for segment in segments {
            guard case .text(let text, _) = segment else { return nil }
            value += text
        }
        return value
    }
}
