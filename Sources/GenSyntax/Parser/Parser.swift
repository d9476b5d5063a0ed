import GenCore

/// Thrown inside the parser when a construct cannot be completed; caught at the nearest recovery point
/// (a declaration, a block item or an interpolation), which synchronises and goes on.
struct ParseFailure: Error {}

/// A hand-written recursive-descent parser: one function per rule of grammar/gen.ebnf (quoted above each
/// function), expressions by precedence climbing.
///
/// Errors are reported once at the point of failure, then the parser synchronises at the next line that can start
/// a declaration or block item, so one mistake yields one diagnostic. Every loop checks progress, and nesting is
/// bounded by `nestingLimit`.
public struct Parser {
    /// How deeply expressions may nest (parentheses, lists, unary and binary chains, calls).
    public static let nestingLimit = 128

    let source: SourceFile
    let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    var reportedTooDeep = false
    /// How the end of the token stream is called in messages ("end of file", or "`)`" inside an interpolation).
    var endDescription = "end of file"

    init(source: SourceFile, tokens: [Token], depth: Int = 0) {
        self.source = source
        self.tokens = tokens.isEmpty ? [Token(kind: .endOfFile, span: source.span.endPoint)] : tokens
        self.depth = depth
    }

    /// Parses a whole script.
    public static func parse(_ source: SourceFile) -> (program: Program, diagnostics: [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokenize(source)
        var parser = Parser(source: source, tokens: tokens)
        let program = parser.parseProgram()
        return (program, Diagnostic.sortedByPosition(lexical + parser.diagnostics))
    }

    // MARK: - Token access

    var current: Token { tokens[index] }
    var kind: TokenKind { tokens[index].kind }
    /// `current.isAtStartOfLine` without copying the token.
    var atLineStart: Bool { tokens[index].isAtStartOfLine }

    func peekKind(_ offset: Int) -> TokenKind {
        tokens[min(index + offset, tokens.count - 1)].kind
    }

    var previous: Token? { index > 0 ? tokens[index - 1] : nil }

    /// Moves past the current token (never past the end-of-file token) and returns its span.
    @discardableResult
    mutating func advance() -> Span {
        let span = tokens[index].span
        if index < tokens.count - 1 { index += 1 }
        return span
    }

    /// The end-of-file token is always the last one.
    var isAtEnd: Bool { index == tokens.count - 1 }

    /// True when the current token is `kind` (for tokens without payload).
    func at(_ kind: TokenKind) -> Bool { self.kind == kind }

    /// True when the current token is the identifier `word`.
    func at(_ word: ContextualWord) -> Bool { kind.identifierName == word.rawValue }

    mutating func take(_ kind: TokenKind) -> Bool {
        guard at(kind) else { return false }
        advance()
        return true
    }

    // MARK: - Spans and trivia

    /// The span from the token at `startIndex` to the last consumed token.
    func span(from startIndex: Int) -> Span {
        let start = tokens[startIndex].span
        guard index > startIndex else { return start.startPoint }
        return start.union(tokens[index - 1].span)
    }

    /// Leading trivia of the token at `startIndex` and trailing trivia of the last consumed token.
    func trivia(from startIndex: Int) -> NodeTrivia {
        let leading = tokens[startIndex].leadingTrivia(in: source)
        let trailing = index > startIndex ? tokens[index - 1].trailingTrivia(in: source) : []
        return NodeTrivia(leading: leading, trailing: trailing)
    }

    /// Where a missing token should have been: right after the previous token when the current one starts a new
    /// line (or is the end of the file), else the current token.
    var missingTokenSpan: Span {
        if let previous, atLineStart || isAtEnd { return previous.span.endPoint }
        return current.span
    }

    /// How the current token is described in "found ..." messages.
    var foundDescription: String {
        if isAtEnd { return endDescription }
        if atLineStart, index > 0 { return "end of line" }
        return kind.displayName
    }

    // MARK: - Diagnostics

    /// Records a diagnostic, unless it is about a token the lexer already rejected.
    mutating func report(
        _ message: DiagnosticMessage, at span: Span? = nil, label: String? = nil, secondary: [DiagnosticLabel] = [],
        hint: String? = nil, fixIt: FixIt? = nil
    ) {
        if kind == .error { return }
        diagnostics.append(Diagnostic(message, at: span ?? current.span, label: label, secondary: secondary, hint: hint, fixIt: fixIt))
    }

    /// Consumes `expected` or reports `expected X <context>, found Y` and fails.
    @discardableResult
    mutating func expect(
        _ expected: TokenKind, _ context: @autoclosure () -> String, hint: @autoclosure () -> String? = nil
    ) throws(ParseFailure) -> Span {
        if at(expected) { return advance() }
        report(Messages.expectedToken(expected.spelling, context(), foundDescription), at: missingTokenSpan, hint: hint())
        throw ParseFailure()
    }

    /// Consumes `expected`; when it is missing but an expression follows on the same line, reports it with a
    /// fix-it and carries on as if it were there (so `model m openai(...)` yields one diagnostic, not two).
    mutating func expectOrAssume(_ expected: TokenKind, _ context: @autoclosure () -> String) throws(ParseFailure) {
        if take(expected) { return }
        let canContinue = !atLineStart && canStartExpression(kind)
        let fix = previous.map { FixIt.insert(expected == .colon ? ":" : " \(expected.spelling)", at: $0.span.endPoint) }
        report(Messages.expectedToken(expected.spelling, context(), foundDescription), at: missingTokenSpan, fixIt: fix)
        if !canContinue { throw ParseFailure() }
    }

    /// Reports an unclosed delimiter: primary where the closer was expected, secondary at the opener.
    mutating func reportUnclosed(_ closer: String, _ context: String, opener: Span) {
        report(
            Messages.expectedClosingDelimiter(closer, context), at: missingTokenSpan, label: "expected `\(closer)`",
            secondary: [DiagnosticLabel("unclosed `\(source.text(of: opener))` opened here", at: opener)])
    }

    // MARK: - Nesting

    /// Counts one level of nesting; past the limit, reports once and fails (the declaration is skipped).
    mutating func enterNesting() throws(ParseFailure) {
        guard depth < Self.nestingLimit else {
            if !reportedTooDeep {
                reportedTooDeep = true
                report(Messages.nestingTooDeep(Self.nestingLimit))
            }
            throw ParseFailure()
        }
        depth += 1
    }
}
