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
                stages.append(.rule(ExpressionStage(name: name.value, expression: ir, modelChecks: collector.nodes, source: sourceRef(entry.span))))
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
                let stage = ExpressionStage(name: name.value, expression: ir, modelChecks: collector.nodes, source: sourceRef(entry.span))
                stages.append(.score(stage, weight: settings.weight, threshold: settings.threshold))
            case .dedup(let expr):
                if let stage = dedupStage(expr, module: module, span: entry.span) { stages.append(stage) }
            case .diversity(let expr):
                if let stage = diversityStage(expr, module: module, span: entry.span) { stages.append(stage) }
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

    /// `dedup near(0.8)`: the method and its threshold (none for `exact`), as the pool will use them.
    private func dedupStage(_ expr: Expr, module: Int, span: Span) -> QualityStage? {
        guard let lowered = lowerKind(expr, family: .dedup, module: module, place: .dedup) else { return nil }
        guard let method = DedupMethod(rawValue: lowered.spec.name) else {
            return .hostGate(.dedup, name: lowered.spec.name, parameters: lowered.parameters, source: sourceRef(span))
        }
        return .dedup(method, threshold: lowered.parameters["threshold"]?.doubleValue, source: sourceRef(span))
    }

    /// `diversity novelty(min: 0.2)`.
    private func diversityStage(_ expr: Expr, module: Int, span: Span) -> QualityStage? {
        guard let lowered = lowerKind(expr, family: .diversity, module: module, place: .diversity) else { return nil }
        guard let method = DiversityMethod(rawValue: lowered.spec.name) else {
            return .hostGate(.diversity, name: lowered.spec.name, parameters: lowered.parameters, source: sourceRef(span))
        }
        return .diversity(method, minimum: lowered.parameters["min"]?.doubleValue ?? 0, source: sourceRef(span))
    }
}
