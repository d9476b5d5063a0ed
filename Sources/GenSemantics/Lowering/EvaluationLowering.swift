import GenCore
import GenPipeline
import GenSyntax

/// The `evaluate` block: `task: classify(text -> label)` over the output schema, real test rows, cadence, weight.
extension CheckSession {
    func lowerEvaluation(_ decl: BlockDecl, module: Int, output: CheckedSchema?) -> EvaluationNode? {
        let attributes = checkAttributes(decl.body, schema: BlockSchemas.evaluate, block: "evaluate", blockSpan: keywordSpan(decl.span, "evaluate"), module: module)
        guard let task = attributes["task"]?.attribute.value else { return nil }
        guard case .call(let callee, let arguments) = task.kind, case .name("classify") = callee.kind, arguments.count == 1,
              case .binary(.mapping, let from, let to) = arguments[0].value.kind,
              case .name(let text) = from.kind, case .name(let label) = to.kind else {
            report(Messages.evaluationTask(), at: task.span)
            return nil
        }
        var failed = false
        if let output {
            failed = !taskField(text, span: from.span, role: "text", in: output) || !taskField(label, span: to.span, role: "label", in: output)
        }
        let test = attributes["test"]?.value?.arrayValue ?? []
        if let row = test.first, let span = attributes["test"]?.attribute.value.span {
            for field in [text, label] where row[field] == nil {
                report(Messages.evaluationTestRowField(field), at: span)
                failed = true
            }
        }
        var classifier = environment.classifiers.first ?? "logreg"
        if let attribute = attributes["classifier"], let name = attribute.value?.stringValue {
            if environment.classifiers.contains(name) {
                classifier = name
            } else {
                report(Messages.unknownClassifier(name), at: attribute.attribute.value.span,
                       hint: suggest(name, candidates: environment.classifiers).map { "did you mean \"\($0)\"?" }
                        ?? "classifiers: " + environment.classifiers.joined(separator: ", "))
                failed = true
            }
        }
        var noiseFilter: NoiseFilterNode?
        if !self.noiseFilter(attributes["noise_filter"], into: &noiseFilter) { failed = true }
        guard !failed else { return nil }
        return EvaluationNode(
            textField: text, labelField: label, test: test, testPath: attributes["test"].flatMap { Self.readPath($0.attribute.value) },
            train: attributes["train"]?.value?.arrayValue ?? [], every: Self.int(attributes["every"]?.value) ?? 100,
            weight: attributes["weight"]?.value?.doubleValue ?? 0.5, classifier: classifier, noiseFilter: noiseFilter, source: sourceRef(keywordSpan(decl.span, "evaluate")))
    }

    /// The text field must be a string; the label field an enum or a string.
    private func taskField(_ name: String, span: Span, role: String, in output: CheckedSchema) -> Bool {
        guard let type = output.schema.fieldTypes[name] else {
            report(Messages.evaluationFieldMissing(role, name, output.irName), at: span, hint: Self.didYouMean(name, output.schema.fields.map(\.name)))
            return false
        }
        switch type {
        case .string: return true
        case .enumeration where role == "label": return true
        default:
            report(Messages.evaluationFieldType(role, name, role == "label" ? "an enum or a string" : "a string", type.described), at: span)
            return false
        }
    }

    /// The path of `read_jsonl("...")`, for provenance.
    static func readPath(_ expr: Expr) -> String? {
        guard case .call(let callee, let arguments) = expr.kind, case .name("read_jsonl") = callee.kind, arguments.count == 1,
              case .string(let path) = arguments[0].value.kind else { return nil }
        return path.plainValue
    }
}
