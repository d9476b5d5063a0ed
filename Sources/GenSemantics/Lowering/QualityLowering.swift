import GenCore
import GenPipeline
import GenSyntax

/// The `quality { }` block: rules (bool), scores (numbers, with weight and threshold), dedup and diversity,
/// in declared order. Model checks are hoisted out of rule and score expressions.
extension CheckSession {
    func lowerQuality(_ decl: QualityDecl, module: Int, sample: GenType) -> [QualityStage] {
        var stages: [QualityStage] = []
        var names: [String: Span] = [:]
        for entry in decl.body.items {
            switch entry.kind {
            case .rule(let name, let check):
                uniqueName(name, kind: "rule", &names)
                let collector = ModelCheckCollector()
                let context = ExprContext(module: module, place: .quality, locals: ["sample": sample], checks: collector)
                guard let ir = self.check(check, context) else { continue }
                guard typeRules.isAssignable(ir.type, to: .bool) else {
                    report(Messages.nonBooleanRule(ir.type.described), at: check.span)
                    continue
                }
                stages.append(QualityStage(
                    kind: .rule, name: name.value, expression: ir, modelChecks: collector.nodes, weight: 0, threshold: nil, method: nil,
                    parameters: [:], source: sourceRef(entry.span)))
            case .score(let name, let value, let modifiers):
                uniqueName(name, kind: "score", &names)
                // The store and the report keep scores next to `quality` and `novelty`: one name, one figure.
                if environment.metricTypes[name.value] != nil { report(Messages.scoreShadowsMetric(name.value), at: name.span) }
                let collector = ModelCheckCollector()
                let context = ExprContext(module: module, place: .quality, locals: ["sample": sample], checks: collector)
                let ir = self.check(value, context)
                let settings = scoreModifiers(modifiers, module: module)
                guard let ir, let settings else { continue }
                guard ir.type.isNumeric else {
                    report(Messages.nonNumericScore(ir.type.described), at: value.span)
                    continue
                }
                stages.append(QualityStage(
                    kind: .score, name: name.value, expression: ir, modelChecks: collector.nodes, weight: settings.weight,
                    threshold: settings.threshold, method: nil, parameters: [:], source: sourceRef(entry.span)))
            case .dedup(let expr):
                if let stage = methodStage(expr, family: .dedup, kind: .dedup, module: module, span: entry.span) { stages.append(stage) }
            case .diversity(let expr):
                if let stage = methodStage(expr, family: .diversity, kind: .diversity, module: module, span: entry.span) { stages.append(stage) }
            }
        }
        return stages
    }

    private func uniqueName(_ name: StringName, kind: String, _ names: inout [String: Span]) {
        if let first = names[name.value] {
            report(Messages.duplicateQualityName(kind, name.value), at: name.span, secondary: [DiagnosticLabel("first used here", at: first)])
        } else {
            names[name.value] = name.span
        }
    }

    private func scoreModifiers(_ modifiers: [ScoreModifier], module: Int) -> (weight: Double, threshold: Double?)? {
        var weight = 1.0
        var threshold: Double?
        var seen: [ScoreModifier.Kind: Span] = [:]
        var failed = false
        for modifier in modifiers {
            if let first = seen[modifier.kind] {
                report(Messages.duplicateModifier(modifier.kind.rawValue), at: modifier.span, secondary: [DiagnosticLabel("first given here", at: first)])
                failed = true
                continue
            }
            seen[modifier.kind] = modifier.span
            let spec = modifier.kind == .weight ? BlockSchemas.scoreWeight : BlockSchemas.scoreThreshold
            let context = ExprContext(module: module, place: .constant)
            guard let ir = check(modifier.value, expecting: .float, context, message: { Messages.attributeType(spec.name, "float", $0) }),
                  let value = constantValue(ir, span: modifier.value.span), checkRange(spec, value, at: modifier.value.span),
                  let number = value.doubleValue else {
                failed = true
                continue
            }
            if modifier.kind == .weight { weight = number } else { threshold = number }
        }
        return failed ? nil : (weight, threshold)
    }

    private func methodStage(_ expr: Expr, family: KindFamily, kind: QualityStage.Kind, module: Int, span: Span) -> QualityStage? {
        let place: ExprContext.Place = family == .dedup ? .dedup : .diversity
        guard let lowered = lowerKind(expr, family: family, module: module, place: place) else { return nil }
        var parameters = lowered.parameters
        for (name, model) in lowered.models { parameters[name] = .string(model) }
        return QualityStage(
            kind: kind, name: lowered.spec.name, expression: nil, modelChecks: [], weight: 0, threshold: nil, method: lowered.spec.name,
            parameters: parameters, source: sourceRef(span))
    }
}
