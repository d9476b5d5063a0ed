import GenCore
import GenSyntax

/// What surrounds a position in a document, read from its tokens (so it works in a file that does not parse).
struct CursorContext {
    /// The identifier or keyword token at (or just before) the position.
    var word: (text: String, span: Span)?
    /// `x` in `x.word`: an import alias or `sample`.
    var qualifier: String?
    /// The innermost call whose argument list holds the position: its callee name (`naive`, `arms.balanced`).
    var callee: String?
    /// True when the word is an argument label: `name:` inside a call's parentheses.
    var isArgumentLabel = false
    /// True when the position starts an argument (after `(` or `,`), where a label may be typed.
    var startsArgument = false
    /// The declaration word of the innermost open `{ }` block (`quality`, `spec`, `schema`, `evaluate`).
    var block: String?
    /// True when the position starts a line outside every bracket: a declaration may be typed.
    var startsDeclaration = false

    init(program: Program, offset: Int) {
        let tokens = program.tokens
        let source = program.source
        // The token under the cursor, or the one ending right at it (a word being typed).
        var index = program.tokenIndex(atOrAfter: offset)
        if index < tokens.count, tokens[index].span.start > offset || tokens[index].kind == .endOfFile || tokens[index].span.start == offset,
           index > 0, tokens[index - 1].span.end >= offset, Self.isWord(tokens[index - 1]) {
            index -= 1
        }
        let atWord = index < tokens.count && Self.isWord(tokens[index]) && tokens[index].span.start <= offset && tokens[index].span.end >= offset
        if atWord { word = (tokens[index].text(in: source), tokens[index].span) }
        let before = atWord ? index - 1 : program.tokenIndex(atOrAfter: offset) - 1

        if before >= 1, tokens[before].kind == .dot, case .identifier(let name) = tokens[before - 1].kind { qualifier = name }
        if atWord, index + 1 < tokens.count, tokens[index + 1].kind == .colon { isArgumentLabel = true }
        scanEnclosing(tokens: tokens, source: source, before: before)
        if before < 0 || (atWord ? tokens[index].isAtStartOfLine : Self.lineStarts(after: before, tokens: tokens, source: source, offset: offset)) {
            startsDeclaration = block == nil && callee == nil && !insideBrackets
        }
        if callee != nil, before >= 0 { startsArgument = tokens[before].kind == .leftParen || tokens[before].kind == .comma }
        isArgumentLabel = isArgumentLabel && callee != nil
    }

    private var insideBrackets = false

    /// Walks back from `before` to find the unclosed `(` (its callee) and the unclosed `{` (its block word).
    private mutating func scanEnclosing(tokens: [Token], source: SourceFile, before: Int) {
        var parens = 0, braces = 0, brackets = 0
        var index = before
        while index >= 0 {
            switch tokens[index].kind {
            case .rightParen: parens += 1
            case .rightBracket: brackets += 1
            case .rightBrace: braces += 1
            case .leftBracket:
                if brackets == 0 { insideBrackets = true } else { brackets -= 1 }
            case .leftParen:
                if parens == 0 {
                    insideBrackets = true
                    if callee == nil, index >= 1, Self.isWord(tokens[index - 1]) {
                        var name = tokens[index - 1].text(in: source)
                        if index >= 3, tokens[index - 2].kind == .dot { name = tokens[index - 3].text(in: source) + "." + name }
                        callee = name
                    }
                } else {
                    parens -= 1
                }
            case .leftBrace:
                if braces == 0 {
                    if block == nil { block = Self.blockWord(tokens: tokens, source: source, brace: index) }
                    // A record literal `{a: 1}` inside an expression is not a block: keep looking outward.
                    if block == "record" { block = nil; insideBrackets = true } else { return }
                } else {
                    braces -= 1
                }
            default: break
            }
            index -= 1
        }
    }

    /// The word that opened the block whose `{` is at `brace`: `spec NAME {`, `schema NAME {`, `quality {`, `evaluate {`.
    private static func blockWord(tokens: [Token], source: SourceFile, brace: Int) -> String {
        for back in [1, 2] where brace - back >= 0 {
            let token = tokens[brace - back]
            guard token.isAtStartOfLine || brace - back == 0 else { continue }
            if case .identifier(let word) = token.kind, ["spec", "schema", "quality", "evaluate"].contains(word) { return word }
        }
        return "record"
    }

    private static func lineStarts(after index: Int, tokens: [Token], source: SourceFile, offset: Int) -> Bool {
        let end = tokens[index].span.end
        guard end <= offset else { return false }
        return source.text(of: Span(file: source.id, start: end, end: offset)).contains("\n")
    }

    static func isWord(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .keyword: true
        default: false
        }
    }
}
