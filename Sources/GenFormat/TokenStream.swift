import GenCore
import GenSyntax

/// The formatter's cursor over the source tokens. The layout asks for tokens in source order; every comment
/// between the previous token and the requested one comes out with it, so no comment can be skipped.
struct TokenStream {
    let source: SourceFile
    let tokens: [Token]
    let map: CommentMap
    /// The next token to print.
    private(set) var next = 0
    /// The first comment not printed yet.
    private var nextComment = 0
    /// Set when the layout and the tokens disagree (a formatter bug); the result is then refused, not written.
    private(set) var misaligned = false

    init(program: Program) {
        source = program.source
        tokens = program.tokens
        map = CommentMap(tokens: program.tokens, source: program.source)
    }

    var nextKind: TokenKind { tokens[min(next, tokens.count - 1)].kind }
    var isAtEnd: Bool { nextKind == .endOfFile }

    /// The comments before the next token, then its text as written.
    mutating func take() -> Doc {
        let before = comments()
        guard next < tokens.count - 1 else {
            misaligned = true
            return before
        }
        let token = tokens[next]
        next += 1
        return before + .text(token.text(in: source))
    }

    /// `take()`, checking that the next token is `kind` (punctuation and keywords).
    mutating func take(_ kind: TokenKind) -> Doc {
        if nextKind != kind { misaligned = true }
        return take()
    }

    /// `take()`, checking that the next token starts where the AST says it does.
    mutating func take(at offset: Int) -> Doc {
        if tokens[min(next, tokens.count - 1)].span.start != offset { misaligned = true }
        return take()
    }

    /// Records that the layout expected a different token (a formatter bug): the result will be refused.
    mutating func markMisaligned() {
        misaligned = true
    }

    /// Moves past the next token without printing it (an optional comma), keeping the comments before it.
    mutating func skip() -> Doc {
        let before = comments()
        if next < tokens.count - 1 { next += 1 } else { misaligned = true }
        return before
    }

    /// The comments in the trailing trivia of the last token taken: they stay on that token's line.
    ///
    /// `onlyAtLineEnd`: take them only when nothing but a line break follows them (after an opening delimiter
    /// or a comma, `/* note */ x` belongs to the `x` that follows, not to the `[` before).
    mutating func trailing(onlyAtLineEnd: Bool = false) -> Doc {
        var end = nextComment
        while end < map.comments.count, map.comments[end].before == next, map.comments[end].isTrailing { end += 1 }
        if onlyAtLineEnd, end > nextComment, map.comments[end - 1].linesAfter == 0 { return .empty }
        let events = map.comments[nextComment..<end]
        nextComment = end
        return render(events, lineStart: false, allowBlank: false, finalBreak: false)
    }

    /// The comments not printed yet before the next token.
    ///
    /// `lineStart`: the next token starts a line (a declaration or block item); a line break (and a blank line
    /// where the source had one) is added before it. `finalBreak: false` leaves the break after the last own-line
    /// comment to the caller (comments before a closing delimiter).
    mutating func comments(lineStart: Bool = false, allowBlank: Bool = true, finalBreak: Bool = true) -> Doc {
        var end = nextComment
        while end < map.comments.count, map.comments[end].before <= next { end += 1 }
        let events = map.comments[nextComment..<end]
        nextComment = end
        return render(events, lineStart: lineStart, allowBlank: allowBlank, finalBreak: finalBreak)
    }

    /// True when the last token taken is followed, on its line, by comments that end the line.
    var hasTrailingCommentEndingLine: Bool {
        var end = nextComment
        while end < map.comments.count, map.comments[end].before == next, map.comments[end].isTrailing { end += 1 }
        guard end > nextComment else { return false }
        return map.comments[end - 1].isLineComment || map.comments[end - 1].linesAfter > 0
    }

    /// True when a comment not printed yet before the next token will break the line: a line comment, or a
    /// comment that starts a line of its own.
    var hasLineBreakingCommentBeforeNext: Bool {
        var index = nextComment
        while index < map.comments.count, map.comments[index].before <= next {
            if map.comments[index].isLineComment || map.comments[index].linesBefore > 0 { return true }
            index += 1
        }
        return false
    }

    /// True when a comment not printed yet before the next token starts on a line of its own.
    var hasOwnLineCommentBeforeNext: Bool {
        var index = nextComment
        while index < map.comments.count, map.comments[index].before <= next {
            if map.comments[index].linesBefore > 0 { return true }
            index += 1
        }
        return false
    }

    /// True when the source had a blank line right before the next token, with no comment left in between.
    var blankLineBeforeNext: Bool {
        let commentPending = nextComment < map.comments.count && map.comments[nextComment].before == next
        return !commentPending && next < map.linesBeforeToken.count && map.linesBeforeToken[next] >= 2
    }

    func hasComments(after open: Int, through close: Int) -> Bool {
        map.hasComments(after: open, through: close)
    }

    /// Places comments: on the line of the previous token (held back to the end of the line unless code
    /// follows on that line), or on lines of their own, keeping one blank line where the source had any.
    private func render(_ events: ArraySlice<SourceComment>, lineStart: Bool, allowBlank: Bool, finalBreak: Bool) -> Doc {
        var parts: [Doc] = []
        var onTokenLine = next > 0
        var needsBreakAfter = false
        for comment in events {
            if comment.linesBefore > 0 { onTokenLine = false }
            if onTokenLine {
                if comment.isLineComment {
                    // Held back past any `,` the layout adds, and the line ends there as it did in the source.
                    parts += [.lineSuffix(comment.text), .hardLine]
                } else if comment.linesAfter > 0 {
                    parts.append(.lineSuffix(comment.text))
                } else {
                    parts += [.space, .comment(comment.text), .space]
                }
                needsBreakAfter = false
            } else {
                parts.append(comment.linesBefore > 0 ? .hardLine(blank: allowBlank && comment.linesBefore >= 2) : .space)
                parts.append(.comment(comment.text))
                needsBreakAfter = comment.isLineComment || comment.linesAfter > 0
                if !needsBreakAfter { parts.append(.space) }
            }
        }
        let linesAfter = events.last?.linesAfter ?? (next < map.linesBeforeToken.count ? map.linesBeforeToken[next] : 0)
        if lineStart {
            parts.append(.hardLine(blank: allowBlank && linesAfter >= 2))
        } else if needsBreakAfter && finalBreak {
            parts.append(.hardLine(blank: allowBlank && linesAfter >= 2))
        }
        return parts.isEmpty ? .empty : .concat(parts)
    }
}
