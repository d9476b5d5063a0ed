import GenCore
import GenSyntax

/// Builds the `Doc` of a parsed program: the canonical layout of every construct, with the source's comments
/// and blank lines put back through `TokenStream`. The AST decides the shape; the tokens supply the text,
/// so literals (numbers, strings with their escapes and interpolations) are printed exactly as written.
struct Layout {
    var stream: TokenStream
    /// Set when tokens were left over after the last declaration (a formatter bug).
    private(set) var hadLeftoverTokens = false

    init(program: Program) {
        stream = TokenStream(program: program)
    }

    /// The whole file: version line, declarations one per line, then the comments at the end of the file.
    mutating func program(_ program: Program) -> Doc {
        var parts: [Doc] = []
        if program.version != nil {
            parts.append(stream.comments(lineStart: true))
            parts.append(stream.take(.keyword(.gen)) + .space + stream.take())
            parts.append(stream.trailing())
        }
        for declaration in program.declarations {
            parts.append(stream.comments(lineStart: true))
            parts.append(self.declaration(declaration))
            parts.append(stream.trailing())
        }
        if !stream.isAtEnd { parts.append(.concat(leftoverTokens())) }
        parts.append(stream.comments(finalBreak: false))
        return .concat(parts)
    }

    /// Tokens the layout did not account for (a formatter bug): printed as they are so nothing is lost, and the
    /// stream is marked so the result is refused.
    private mutating func leftoverTokens() -> [Doc] {
        hadLeftoverTokens = true
        var parts: [Doc] = []
        while !stream.isAtEnd {
            parts.append(stream.take() + .space)
        }
        return parts
    }

    // MARK: - Shared shapes

    /// `= value` after a declaration head. Calls, lists and records open on the same line and break inside;
    /// any other value moves to the next line (indented) when the declaration does not fit.
    mutating func assignedValue(_ value: Expr) -> Doc {
        var equals = stream.take(.equal)
        let commentEndsLine = stream.hasTrailingCommentEndingLine
        if commentEndsLine { equals = equals + stream.trailing() }
        let nextLine = commentEndsLine || stream.hasOwnLineCommentBeforeNext
        if !nextLine && Self.opensBracket(value) { return .space + equals + .space + expr(value) }
        // On the `=` line when it fits (its own calls may still break there), else on the next line, indented;
        // always on the next line after `= // note` or when a comment line comes before the value.
        let doc = stream.comments() + expr(value)
        return .space + equals + .group(.ifBroken(.indent(.line + doc), else: .space + doc), forceBreak: nextLine)
    }

    /// True for calls, lists and records: values that break inside their brackets rather than after `=`.
    static func opensBracket(_ value: Expr) -> Bool {
        switch value.kind {
        case .call, .list, .record: true
        default: false
        }
    }

    /// `( a, b )`, `[ a, b ]`, `{ a: 1 }`: on one line when it fits and holds no comment, otherwise one item
    /// per line with a trailing comma. The opening delimiter is the next token; `render` prints one item.
    mutating func delimitedList<Item>(_ items: [Item], _ render: (inout Layout, Item) -> Doc) -> Doc {
        let before = stream.comments()
        let openIndex = stream.next
        let open = stream.take() + stream.trailing(onlyAtLineEnd: true)
        var body: [Doc] = []
        for (position, item) in items.enumerated() {
            if position > 0 {
                body.append(.line)
                if stream.blankLineBeforeNext { body.append(.ifBroken(.hardLine(blank: true))) }
            }
            body.append(render(&self, item))
            if position < items.count - 1 {
                // The comma follows the item directly; comments written before it move after it.
                if stream.nextKind != .comma { stream.markMisaligned() }
                body.append(.text(",") + stream.skip())
            } else {
                if stream.nextKind == .comma { body.append(stream.skip()) }
                body.append(.ifBroken(.text(",")))
            }
            body.append(stream.trailing(onlyAtLineEnd: true))
        }
        let dangling = stream.comments(finalBreak: false)
        let closeIndex = stream.next
        let close = stream.take()
        let hasComments = stream.hasComments(after: openIndex, through: closeIndex)
        if items.isEmpty {
            return before + open + .indent(dangling) + (hasComments ? .hardLine : .empty) + close
        }
        let inside = Doc.indent(.softLine + .concat(body) + dangling) + .softLine
        return before + .group(open + inside + close, forceBreak: hasComments)
    }

    /// `{` items `}` of a schema, spec, evaluate or quality block: one item per line, optional commas dropped.
    mutating func block<Item>(_ items: [Item], _ render: (inout Layout, Item) -> Doc) -> Doc {
        let open = stream.take(.leftBrace) + stream.trailing(onlyAtLineEnd: true)
        var body: [Doc] = []
        for item in items {
            body.append(stream.comments(lineStart: true))
            body.append(render(&self, item))
            if stream.nextKind == .comma { body.append(stream.skip()) }
            body.append(stream.trailing())
        }
        let dangling = stream.comments(allowBlank: !items.isEmpty, finalBreak: false)
        if items.isEmpty, case .empty = dangling {
            return open + stream.take(.rightBrace)
        }
        return open + .indent(.concat(body) + dangling) + .hardLine + stream.take(.rightBrace)
    }
}
