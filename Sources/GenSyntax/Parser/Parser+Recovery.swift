import GenCore

extension Parser {
    /// True when the current token can start a top-level declaration (used to stop recovery and to notice an
    /// unclosed block). Contextual words count only when followed by what their declaration needs next.
    func looksLikeDeclarationStart() -> Bool {
        switch kind {
        case .keyword(.let), .keyword(.fn), .keyword(.import), .keyword(.gen):
            return true
        case .identifier(let word):
            guard let contextual = ContextualWord.named(word), ContextualWord.declarations.contains(contextual) else { return false }
            let next = peekKind(1)
            switch contextual {
            case .quality, .evaluate, .expect: return next == .leftBrace
            case .reward: return next == .equal
            default:
                if case .identifier = next { return true }
                return false
            }
        default:
            return false
        }
    }

    /// True when the current token can start an item of a block: `name:` / `name?:` or a quality entry word.
    func looksLikeBlockItemStart() -> Bool {
        guard case .identifier(let word) = kind else { return false }
        if peekKind(1) == .colon || (peekKind(1) == .question && peekKind(2) == .colon) { return true }
        guard let contextual = ContextualWord.named(word) else { return false }
        return ContextualWord.qualityEntries.contains(contextual)
    }

    /// Skips to the next line that starts a declaration (or the end of the file).
    mutating func synchronizeTopLevel(from start: Int) {
        if index == start { advance() }
        while !isAtEnd, !(atLineStart && looksLikeDeclarationStart()) {
            advance()
        }
    }

    /// Skips the rest of a broken block item: to the next line starting a block item or declaration, or to the
    /// `}` closing the block. Delimiters opened by the broken item are matched and skipped as a unit.
    mutating func synchronizeBlockItem(from start: Int) {
        var open: [TokenKind] = []
        func track(_ kind: TokenKind) -> Bool {
            switch kind {
            case .leftParen, .leftBracket, .leftBrace:
                open.append(kind)
            case .rightParen, .rightBracket, .rightBrace:
                let opener: TokenKind = kind == .rightParen ? .leftParen : kind == .rightBracket ? .leftBracket : .leftBrace
                if let match = open.lastIndex(of: opener) {
                    open.removeSubrange(match...)
                } else if kind == .rightBrace {
                    return false  // closes the block itself
                }
            default: break
            }
            return true
        }
        for token in tokens[start..<index] { _ = track(token.kind) }
        if index == start {
            let skipped = kind
            advance()
            _ = track(skipped)
        }
        while !isAtEnd {
            if atLineStart, looksLikeBlockItemStart() || looksLikeDeclarationStart() { return }
            if at(.rightBrace), !open.contains(.leftBrace) { return }
            if !track(kind) { return }
            advance()
        }
    }
}
