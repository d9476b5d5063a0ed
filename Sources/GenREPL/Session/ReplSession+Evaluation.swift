import GenCore
import GenPipeline
import GenRuntime

extension ReplSession {
    /// The longest value text shown; longer values (a whole JSONL file) are cut with a note.
    static let valueTextLimit = 2_000

    /// Checks `text` (from `start`) as `let __repl_value = ...` after the session's declarations and answers
    /// `= VALUE : TYPE`, or only the type.
    func evaluate(_ text: String, path: String, from start: Int = 0, showValue: Bool) -> ReplReply {
        let expression = ReplEntry(path: path, text: text, declarations: [])
        let checked = check(entries, expression: expression, expressionStart: start)
        if checked.hasErrors { return .error(checked.rendered(colour: colour)) }
        guard let constant = ReplState.constant(named: ReplProgram.valueName, in: checked.result.constants) else {
            let diagnostic = Diagnostic(Messages.replExpressionHasNoValue("unknown"), at: SourceFile(path: path, text: text).span)
            return .error(DiagnosticRenderer.render(diagnostic, files: [SourceFile(path: path, text: text)], colour: colour))
        }
        let type = constant.type.displayName
        return .output(showValue ? "= \(Self.valueText(constant)) : \(type)" : type)
    }

    /// A constant as a script would write it, floats kept floats even when whole (`2.0`, not `2`).
    static func valueText(_ constant: IRConstant) -> String {
        let text = Value(json: constant.value).promoted(to: constant.type).literalText
        guard text.count > valueTextLimit else { return text }
        return String(text.prefix(valueTextLimit)) + "… (\(text.count - valueTextLimit) more characters)"
    }

    /// One line for `:env` and for the answer to a declaration; a `let` shows its value and type.
    func describe(_ declaration: ReplDeclaration) -> String {
        guard declaration.kind == "let", let name = declaration.name, let constant = state.constant(named: name) else {
            return declaration.summary
        }
        let value = ReplDeclaration.shortened(Self.valueText(constant))
        return "let \(name) = \(value) : \(constant.type.displayName)"
    }

    /// The parts of a pipeline not declared yet (`quality` and `evaluate` are optional).
    var missingPipelineParts: [String] {
        let kinds = Set(entries.flatMap { $0.declarations.map(\.kind) })
        return ["spec", "arm", "router", "reward"].filter { !kinds.contains($0) }
    }

    /// Where the pipeline stands, for `:graph` and after `:load`.
    var pipelineStatus: String {
        let missing = missingPipelineParts
        if missing.isEmpty { return "the pipeline is complete: `:graph` shows it" }
        return "no pipeline yet: still missing " + Self.list(missing.map { "`\($0)`" })
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
