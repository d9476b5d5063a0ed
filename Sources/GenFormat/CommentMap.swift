import GenCore
import GenSyntax

/// One comment of the source, placed relative to the tokens around it.
struct SourceComment: Sendable {
    /// The comment as written, delimiters included.
    let text: String
    let isLineComment: Bool
    /// The index of the token the comment precedes: it sits between token `before - 1` and token `before`.
    let before: Int
    /// True when it is in the trailing trivia of token `before - 1` (on that token's line).
    let isTrailing: Bool
    /// Line breaks between the previous token or comment and this comment (at least 1 at the start of the file).
    let linesBefore: Int
    /// Line breaks between this comment and the next comment or token.
    var linesAfter: Int
}

/// Every comment of a file in source order, and the line breaks around tokens: what the formatter needs
/// to put comments and blank lines back.
struct CommentMap: Sendable {
    let comments: [SourceComment]
    /// For each token: line breaks between the last comment (or the previous token) and the token.
    let linesBeforeToken: [Int]
    /// For each token index k: how many comments precede token k or an earlier one.
    private let countThrough: [Int]

    init(tokens: [Token], source: SourceFile) {
        var comments: [SourceComment] = []
        var linesBeforeToken: [Int] = []
        var countThrough: [Int] = []
        linesBeforeToken.reserveCapacity(tokens.count)
        countThrough.reserveCapacity(tokens.count)
        for index in tokens.indices {
            var breaks = 0
            let firstInGap = comments.count
            func scan(_ pieces: [TriviaPiece], trailing: Bool) {
                for piece in pieces {
                    guard let text = piece.commentText else {
                        breaks += piece.lineBreaks
                        continue
                    }
                    if comments.count > firstInGap { comments[comments.count - 1].linesAfter = breaks }
                    let atFileStart = index == 0 && comments.count == firstInGap
                    let isLine: Bool
                    switch piece {
                    case .lineComment, .docComment: isLine = true
                    default: isLine = false
                    }
                    comments.append(SourceComment(
                        text: text, isLineComment: isLine, before: index, isTrailing: trailing,
                        linesBefore: atFileStart ? max(breaks, 1) : breaks, linesAfter: 0))
                    breaks = 0
                }
            }
            if index > 0, tokens[index - 1].trailingTriviaLength > 0 {
                scan(tokens[index - 1].trailingTrivia(in: source), trailing: true)
            }
            if tokens[index].leadingTriviaLength > 0 {
                scan(tokens[index].leadingTrivia(in: source), trailing: false)
            }
            if comments.count > firstInGap { comments[comments.count - 1].linesAfter = breaks }
            linesBeforeToken.append(breaks)
            countThrough.append(comments.count)
        }
        self.comments = comments
        self.linesBeforeToken = linesBeforeToken
        self.countThrough = countThrough
    }

    /// True when a comment sits anywhere after token `open` and before or at token `close`.
    func hasComments(after open: Int, through close: Int) -> Bool {
        guard open >= 0, close < countThrough.count, open < close else { return false }
        return countThrough[close] > countThrough[open]
    }
}
