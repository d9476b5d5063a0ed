import GenCore
import GenSyntax

/// `gen fmt`: the one canonical layout of a .gen file.
///
/// Two-space indentation, one declaration or block item per line, at most one blank line where the source had
/// blank lines, every comment kept in order, calls/lists/records on one line when they fit and hold no comment
/// (otherwise one element per line with a trailing comma), literals exactly as written, the user's parentheses
/// kept and none added. A file with syntax errors is never formatted. Formatting is idempotent.
public struct Formatter: Sendable {
    /// The column limit for calls, lists and records kept on one line.
    public var lineWidth: Int
    public var indentWidth: Int
    /// Re-parse the output and compare its AST and comments with the input's before returning it.
    public var verifiesOutput: Bool

    public init(lineWidth: Int = 100, indentWidth: Int = 2, verifiesOutput: Bool = true) {
        self.lineWidth = lineWidth
        self.indentWidth = indentWidth
        self.verifiesOutput = verifiesOutput
    }

    /// Formats a file with the default settings.
    public static func format(_ source: SourceFile) -> FormatResult {
        Formatter().format(source)
    }

    /// The formatted text of `source`, or its syntax errors.
    public func format(_ source: SourceFile) -> FormatResult {
        let (program, diagnostics) = Parser.parse(source)
        if diagnostics.hasErrors { return .failed(diagnostics) }
        var layout = Layout(program: program)
        let doc = layout.program(program)
        let whole = Span(file: source.id, start: 0, length: 0)
        if layout.stream.misaligned || layout.hadLeftoverTokens {
            return .failed([Diagnostic(Messages.formatterSafetyCheckFailed("the layout lost track of the tokens"), at: whole)])
        }
        let text = DocPrinter.print(doc, width: lineWidth, indentWidth: indentWidth)
        if verifiesOutput, let problem = FormatVerifier.problem(original: program, formatted: text) {
            return .failed([Diagnostic(Messages.formatterSafetyCheckFailed(problem), at: whole)])
        }
        return .formatted(text)
    }
}
