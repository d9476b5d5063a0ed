import GenCore

// How comments reach the formatter
// --------------------------------
// Every node has a `span`. Comments and blank lines are trivia attached to tokens (see `Token`), and the
// `Program` keeps the full token array and the source, so nothing is lost:
//
// * "Line" nodes (each declaration, schema field, block attribute, quality entry) carry `trivia: NodeTrivia`:
//   the decoded leading trivia of their first token (comments above them, blank lines before them) and the
//   trailing trivia of their last token (a `// comment` at the end of their line).
// * Blocks (`{ ... }` of schema/spec/quality/evaluate) carry `BlockBody.closingTrivia`: the comments between the
//   last item and the closing `}`.
// * `Program.endTrivia` holds the comments after the last declaration.
// * Comments inside expressions (e.g. above one element of a multi-line list) are found through the tokens:
//   `Program.comments(in: span)` lists comment pieces inside any node's span, and
//   `Program.leadingTrivia(at:)` / `trailingTrivia(endingAt:)` give the trivia around any token boundary.

/// A parsed script: the declarations in source order, plus the source and tokens they came from.
public struct Program: Sendable, Equatable {
    public let source: SourceFile
    /// Every token of the file, ending with `.endOfFile`; node spans point into the same file.
    public let tokens: [Token]
    /// `gen MAJOR.MINOR`, nil when missing (which is an error).
    public let version: VersionDecl?
    /// All declarations, imports included, in source order.
    public let declarations: [Declaration]
    /// Trivia after the last declaration (the end-of-file token's leading trivia).
    public let endTrivia: [TriviaPiece]

    public init(source: SourceFile, tokens: [Token], version: VersionDecl?, declarations: [Declaration], endTrivia: [TriviaPiece]) {
        self.source = source
        self.tokens = tokens
        self.version = version
        self.declarations = declarations
        self.endTrivia = endTrivia
    }

    /// The import declarations, in order.
    public var imports: [ImportDecl] {
        declarations.compactMap { if case .import(let decl) = $0 { decl } else { nil } }
    }

    /// Index of the first token starting at or after `offset` (binary search).
    public func tokenIndex(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count - 1
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Leading trivia of the token that starts at `offset` (e.g. a node's `span.start`).
    public func leadingTrivia(at offset: Int) -> [TriviaPiece] {
        guard !tokens.isEmpty else { return [] }
        return tokens[tokenIndex(atOrAfter: offset)].leadingTrivia(in: source)
    }

    /// Trailing trivia of the token that ends at `offset` (e.g. a node's `span.end`).
    public func trailingTrivia(endingAt offset: Int) -> [TriviaPiece] {
        let index = tokenIndex(atOrAfter: offset)
        guard index > 0, tokens[index - 1].span.end == offset else { return [] }
        return tokens[index - 1].trailingTrivia(in: source)
    }

    /// Comment pieces strictly inside `span`: trivia between its first and last token.
    public func comments(in span: Span) -> [TriviaPiece] {
        guard !tokens.isEmpty else { return [] }
        var comments: [TriviaPiece] = []
        var index = tokenIndex(atOrAfter: span.start)
        while index < tokens.count, tokens[index].span.end <= span.end, tokens[index].kind != .endOfFile {
            let token = tokens[index]
            if token.span.start > span.start {
                comments += token.leadingTrivia(in: source).filter { $0.commentText != nil }
            }
            if token.span.end < span.end {
                comments += token.trailingTrivia(in: source).filter { $0.commentText != nil }
            }
            index += 1
        }
        return comments
    }
}

/// Trivia around a line-level node: what precedes its first token and what follows its last token on its line.
public struct NodeTrivia: Sendable, Equatable {
    public let leading: [TriviaPiece]
    public let trailing: [TriviaPiece]

    public init(leading: [TriviaPiece] = [], trailing: [TriviaPiece] = []) {
        self.leading = leading
        self.trailing = trailing
    }

    public static let none = NodeTrivia()

    /// Comments above the node, in order.
    public var leadingComments: [String] { leading.compactMap(\.commentText) }
    /// The comment at the end of the node's line, if any.
    public var trailingComment: String? { trailing.compactMap(\.commentText).first }
    /// True when at least one blank line separates the node from what precedes it.
    public var hasBlankLineBefore: Bool {
        var breaks = 0
        for piece in leading {
            if piece.commentText != nil { breaks = 0 }
            breaks += piece.lineBreaks
            if breaks >= 2 { return true }
        }
        return false
    }
}

/// A name as written, with its span.
public struct Identifier: Sendable, Equatable {
    public let name: String
    public let span: Span

    public init(_ name: String, span: Span) {
        self.name = name
        self.span = span
    }
}
