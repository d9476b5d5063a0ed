import GenCore

/// What one REPL input turned out to be.
public enum ReplInput: Sendable, Equatable {
    /// One or more declarations (no version line needed).
    case declarations([Declaration])
    /// A sole expression to evaluate and print.
    case expression(Expr)
    /// Unclosed brace, parenthesis, bracket, string or comment, or an input that stops mid-construct: the REPL
    /// should read another line and try again with the longer text. The diagnostics hold one `incompleteInput`.
    case incomplete
    /// Only whitespace and comments.
    case empty
}

extension Parser {
    /// Parses one REPL input: declarations when it starts like one (`let`, `fn`, `import`, `model x`, ...),
    /// else a sole expression. Never requires a version line.
    public static func parseReplInput(_ source: SourceFile) -> (input: ReplInput, diagnostics: [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokenize(source)
        let end = tokens.last?.span ?? source.span.endPoint
        let incomplete = [Diagnostic(Messages.incompleteInput(), at: end.endPoint)]
        let unfinishedLexeme: Set<MessageID> = [
            Messages.unterminatedString().id, Messages.unterminatedMultilineString().id, Messages.unterminatedBlockComment().id,
        ]
        if lexical.contains(where: { unfinishedLexeme.contains($0.id) }) || hasUnclosedDelimiter(tokens) {
            return (.incomplete, incomplete)
        }
        var parser = Parser(source: source, tokens: tokens)
        if parser.isAtEnd { return (.empty, lexical) }
        let input: ReplInput
        if parser.looksLikeDeclarationStart() || parser.at(.keyword(.let)) || parser.at(.keyword(.fn)) {
            input = .declarations(parser.parseProgram(requireVersion: false).declarations)
        } else {
            input = parser.parseSoleExpression().map(ReplInput.expression) ?? .expression(Expr(.error, span: source.span))
        }
        // An error at or after the end of the last real token means the input stopped mid-construct.
        let lastEnd = tokens.count >= 2 ? tokens[tokens.count - 2].span.end : 0
        if parser.diagnostics.contains(where: { $0.severity == .error && $0.span.start >= lastEnd }) {
            return (.incomplete, incomplete)
        }
        return (input, Diagnostic.sortedByPosition(lexical + parser.diagnostics))
    }

    /// An expression that must be followed by the end of the input.
    mutating func parseSoleExpression() -> Expr? {
        do throws(ParseFailure) {
            let expr = try parseExpr()
            if !isAtEnd {
                report(Messages.unexpectedAfterExpression(kind.displayName, "the expression"))
                return nil
            }
            return expr
        } catch {
            return nil
        }
    }

    /// True when some `(`, `[` or `{` is still open at the end of the tokens.
    static func hasUnclosedDelimiter(_ tokens: [Token]) -> Bool {
        var open = 0
        for token in tokens {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: open += 1
            case .rightParen, .rightBracket, .rightBrace: open -= 1
            default: break
            }
        }
        return open > 0
    }
}
