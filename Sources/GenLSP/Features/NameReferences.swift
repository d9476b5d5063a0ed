import GenCore
import GenSyntax

/// Where a top-level name is used in one file, read from tokens: bare uses (or `alias.name` uses when the
/// file imports the declaring module under an alias), leaving out argument labels, record and attribute keys,
/// other members (`sample.name`), and uses inside a function whose parameter has the same name.
enum NameReferences {
    static func spans(of name: String, in program: Program, alias: String?) -> [Span] {
        let tokens = program.tokens
        let shadowed = program.declarations.compactMap { declaration -> Span? in
            guard case .fn(let function) = declaration, function.parameters.contains(where: { $0.name.name == name }) else { return nil }
            return Span(file: function.span.file, start: function.name.span.end, end: function.span.end)
        }
        var spans: [Span] = []
        for (index, token) in tokens.enumerated() {
            guard case .identifier(let word) = token.kind, word == name else { continue }
            let afterDot = index > 0 && tokens[index - 1].kind == .dot
            if let alias {
                guard afterDot, index >= 2, case .identifier(alias) = tokens[index - 2].kind else { continue }
            } else if afterDot || shadowed.contains(where: { $0.contains(token.span.start) }) {
                continue
            }
            let isKey = index + 1 < tokens.count && tokens[index + 1].kind == .colon
            if isKey && !isDeclarationName(token.span, in: program) { continue }
            spans.append(token.span)
        }
        return spans
    }

    /// True for the name of a top-level declaration (`let x: int = ...` has a colon after its name too).
    private static func isDeclarationName(_ span: Span, in program: Program) -> Bool {
        DeclaredSymbol.all(in: program).contains { $0.nameSpan == span }
    }
}
