import GenCore
import GenPipeline

/// `textDocument/hover`: a declaration's signature, type and `///` docs; a kind's or function's summary and
/// parameters from the capabilities registry; a kind parameter's type, default and range; a sample field's type.
struct HoverProvider {
    let catalog: CapabilityCatalog

    func hover(_ analysis: DocumentAnalysis, at position: LSPPosition) -> JSONValue {
        let context = CursorContext(program: analysis.program, offset: analysis.positions.offset(of: position))
        guard let word = context.word, let text = markdown(analysis, context, word: word.text) else { return .null }
        return .object([
            "contents": .object(["kind": .string("markdown"), "value": .string(text)]),
            "range": analysis.positions.range(of: word.span).json,
        ])
    }

    private func markdown(_ analysis: DocumentAnalysis, _ context: CursorContext, word: String) -> String? {
        if let (module, field) = analysis.sampleField(of: context) {
            return code("\(field.name.name)\(field.isOptional ? "?" : ""): \(module.source.text(of: field.value.span))")
                + "\n\nA field of the spec's output schema."
        }
        if context.isArgumentLabel, let callee = context.callee, let parameter = catalog.kinds[callee]?.spec.parameter(named: word) {
            return code(parameter.signatureText) + "\n\nA parameter of `\(callee)`."
        }
        if let (module, symbol) = analysis.target(of: context) {
            var text = code(symbol.signature(in: module.source))
            if symbol.kind == .constant, let type = analysis.constantType(symbol, in: module) { text += "\n\ntype: `\(type.displayName)`" }
            if !symbol.documentation.isEmpty { text += "\n\n" + symbol.documentation }
            if module.key != analysis.root.key { text += "\n\nfrom `\(module.key)`" }
            return text
        }
        guard context.qualifier == nil else { return nil }
        if let entry = catalog.kinds[word] {
            let parameters = entry.spec.parameters.map { "- `\($0.signatureText)`" }.joined(separator: "\n")
            return code(entry.spec.signatureText) + "\n\n\(entry.role): \(entry.spec.summary)" + (parameters.isEmpty ? "" : "\n\n" + parameters)
        }
        if let overloads = catalog.functions[word] {
            return overloads.map { code(CapabilityCatalog.functionSignatureText($0)) + "\n\n" + $0.summary }.joined(separator: "\n\n")
        }
        if let metric = catalog.rewardMetrics.first(where: { $0.name == word }) {
            return code("\(metric.name): \(metric.type.displayName)") + "\n\nreward metric [\(metric.scope.rawValue)]: \(metric.summary)"
        }
        return nil
    }

    private func code(_ text: String) -> String { "```gen\n" + text + "\n```" }
}
