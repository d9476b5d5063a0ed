import GenCore
import GenSyntax

/// The formatter's safety net: the output must parse, mean the same (same AST dump) and keep every comment
/// in order. `gen fmt` never writes a file that fails this check.
enum FormatVerifier {
    /// A description of what went wrong, or nil when the output is faithful to `original`.
    static func problem(original: Program, formatted text: String) -> String? {
        let output = SourceFile(id: original.source.id, path: original.source.path, text: text)
        let (program, diagnostics) = Parser.parse(output)
        if diagnostics.hasErrors { return "its output does not parse" }
        if ASTDump.render(program) != ASTDump.render(original) { return "its output parses to a different program" }
        if comments(of: program) != comments(of: original) { return "its output does not keep every comment in order" }
        return nil
    }

    /// Every comment of a program, in source order.
    static func comments(of program: Program) -> [String] {
        CommentMap(tokens: program.tokens, source: program.source).comments.map(\.text)
    }
}
