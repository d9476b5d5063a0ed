import GenCore
import GenPipeline
import GenSyntax

/// The `spec` block: domain, output schema, counts, constraints, examples, label field and quotas.
extension CheckSession {
    func lowerSpec(_ decl: BlockDecl, module: Int) -> SpecNode? {
        let blockSpan = decl.name?.span ?? keywordSpan(decl.span, "spec")
        let attributes = checkAttributes(decl.body, schema: BlockSchemas.spec, block: "spec", blockSpan: blockSpan, module: module)
        // What is known goes into `spec` for quality expressions even when another attribute has an error.
        if let domain = attributes["domain"]?.value, domain.stringValue != nil { specValues["domain"] = (domain, .string) }
        for name in ["count", "batch"] {
            if let value = Self.int(attributes[name]?.value) { specValues[name] = (.int(value), .int) }
        }
        guard let output = attributes["output"].flatMap({ schemaNamed(by: $0.attribute.value, module: module) }) else { return nil }
        specOutputName = output.irName
        let fieldTypes = output.schema.fieldTypes
        var label: String?
        if let attribute = attributes["label"], let name = attribute.value?.stringValue {
            guard let type = fieldTypes[name] else {
                report(Messages.evaluationFieldMissing("label", name, output.irName), at: attribute.attribute.value.span,
                       hint: Self.didYouMean(name, output.schema.fields.map(\.name)))
                return nil
            }
            guard case .enumeration = type else {
                report(Messages.evaluationFieldType("label", name, "an enum", type.described), at: attribute.attribute.value.span)
                return nil
            }
            label = name
        } else if case .enumeration? = fieldTypes["label"] {
            label = "label"
        }
        var labels: [String] = []
        if let label, case .enumeration(let values)? = fieldTypes[label] { labels = values }
        guard let quotas = quotas(attributes["quotas"], label: label, labels: labels) else { return nil }
        guard let domain = attributes["domain"]?.value?.stringValue, let count = Self.int(attributes["count"]?.value) else { return nil }
        let batch = Self.int(attributes["batch"]?.value) ?? 8
        let constraints = attributes["constraints"]?.value?.arrayValue?.compactMap(\.stringValue) ?? []
        let name = decl.name?.name ?? "spec"
        specComplete = true
        specValues = [
            "name": (.string(name), .string), "domain": (.string(domain), .string), "count": (.int(count), .int),
            "batch": (.int(batch), .int), "constraints": (.array(constraints.map(JSONValue.string)), .list(.string)),
            "labels": (.array(labels.map(JSONValue.string)), .list(.string)),
        ]
        return SpecNode(
            name: name, domain: domain, output: output.schema, outputName: output.irName, count: count, batch: batch,
            constraints: constraints, examples: attributes["examples"]?.value?.arrayValue ?? [], labelField: label, quotas: quotas,
            budget: BudgetNode(maxCandidates: Self.int(attributes["max_candidates"]?.value), maxTokens: Self.int(attributes["max_tokens"]?.value),
                              maxDollars: attributes["max_dollars"]?.value?.doubleValue),
            source: sourceRef(blockSpan), quotasDeclared: attributes["quotas"] != nil,
            pipeline: Self.int(attributes["pipeline"]?.value).flatMap { $0 == 1 ? nil : $0 })
    }

    /// The schema an attribute names (`output: Intent`).
    func schemaNamed(by expr: Expr, module: Int) -> CheckedSchema? {
        if case .name(let name) = expr.kind {
            if case .symbol(let symbol)? = lookup(name, in: module), case .schema = symbol.thing {
                return schema(symbol.key, usedAt: expr.span)
            }
            if lookup(name, in: module) == nil {
                report(Messages.undefinedName(name), at: expr.span, hint: Self.didYouMean(name, scopeNames(module).schemas))
                return nil
            }
        }
        report(Messages.expectedSchemaName(modules[module].source.text(of: expr.span)), at: expr.span)
        return nil
    }

    /// Target shares per label: the weights given, normalised; balanced when absent.
    private func quotas(_ attribute: CheckedAttribute?, label: String?, labels: [String]) -> [String: Double]? {
        guard let attribute, let weights = attribute.value?.objectValue else {
            guard !labels.isEmpty else { return [:] }
            return Dictionary(labels.map { ($0, 1 / Double(labels.count)) }, uniquingKeysWith: { first, _ in first })
        }
        let span = attribute.attribute.value.span
        guard let label else {
            report(Messages.quotasWithoutLabel(), at: attribute.attribute.key.span)
            return nil
        }
        var total = 0.0
        for key in weights.keys.sorted() {
            guard labels.contains(key) else {
                report(Messages.quotaUnknownLabel(key, label), at: span, hint: suggest(key, candidates: labels).map { "did you mean \"\($0)\"?" })
                return nil
            }
            guard let weight = weights[key]?.doubleValue, weight >= 0 else {
                report(Messages.parameterOutOfRange("quotas.\(key)", ">= 0", CanonicalJSON.string(weights[key] ?? .null)), at: span)
                return nil
            }
            total += weight
        }
        // Shares of the dataset: they add up to 1 (1.5 over 3 of 5 labels was taken and printed as 0.20000000000000004).
        guard abs(total - 1) < 1e-6 else {
            report(Messages.quotasDoNotAddUp(NumberText.compact((total * 1e6).rounded() / 1e6), listed: weights.count, labels: labels.count),
                   at: span)
            return nil
        }
        return weights.compactMapValues { $0.doubleValue.map { $0 / total } }
    }

    /// The span of a declaration's leading word (`spec`, `evaluate`, `router`, ...).
    func keywordSpan(_ span: Span, _ word: String) -> Span {
        Span(file: span.file, start: span.start, length: word.utf8.count)
    }
}
