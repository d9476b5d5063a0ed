import GenCore
import GenPipeline
import GenSyntax

/// Calls: user functions, builtins (by overload), kinds (arms, models, ...) and hoisted model checks.
extension CheckSession {
    func checkCall(_ callee: Expr, _ arguments: [Argument], span: Span, _ context: ExprContext) -> IRExpr? {
        switch callee.kind {
        case .member(let base, let name):
            if case .name(let alias) = base.kind, case .module(let target, _)? = lookup(alias, in: context.module) {
                guard let symbol = moduleExport(name.name, of: target), case .function = symbol.thing else {
                    report(Messages.unknownFunction("\(alias).\(name.name)"), at: name.span)
                    return nil
                }
                return checkUserCall(symbol, arguments, span: span, context)
            }
        case .name(let name):
            return checkNamedCall(name, calleeSpan: callee.span, arguments, span: span, context)
        default: break
        }
        report(Messages.notCallable(modules[Int(callee.span.file.rawValue)].source.text(of: callee.span), "an expression"), at: callee.span)
        return nil
    }

    private func checkNamedCall(_ name: String, calleeSpan: Span, _ arguments: [Argument], span: Span, _ context: ExprContext) -> IRExpr? {
        if context.locals[name] != nil {
            report(Messages.notCallable(name, "a parameter"), at: calleeSpan)
            return nil
        }
        switch lookup(name, in: context.module) {
        case .symbol(let symbol)?:
            guard case .function = symbol.thing else {
                report(Messages.notCallable(name, symbol.thing.description), at: calleeSpan)
                return nil
            }
            return checkUserCall(symbol, arguments, span: span, context)
        case .module?:
            report(Messages.moduleAliasAsValue(name), at: calleeSpan)
            return nil
        case nil: break
        }
        for family in KindFamily.allCases where context.kinds.contains(family) {
            if let spec = environment.kinds(of: family).first(where: { $0.name == name }) {
                return checkKindCall(family, spec, arguments, span: span, context)
            }
        }
        if let check = environment.qualityChecks.first(where: { $0.kind.name == name }) {
            return checkModelCheck(check, arguments, calleeSpan: calleeSpan, span: span, context)
        }
        let overloads = environment.functions.filter { $0.name == name }
        if !overloads.isEmpty { return checkBuiltinCall(name, overloads, arguments, span: span, context) }
        if let family = KindFamily.allCases.first(where: { family in environment.kinds(of: family).contains { $0.name == name } }) {
            report(Messages.kindOutOfPlace(name, family.product, family.place), at: calleeSpan, hint: family.example)
            return nil
        }
        reportUnknownCallee(name, span: calleeSpan, context)
        return nil
    }

    private func reportUnknownCallee(_ name: String, span: Span, _ context: ExprContext) {
        let kinds = context.kinds.sorted { $0.rawValue < $1.rawValue }.flatMap { environment.kinds(of: $0).map(\.name) }
        let functions = scopeNames(context.module).functions
        let checks = context.checks != nil ? environment.qualityChecks.map(\.kind.name) : []
        let candidates = kinds + functions + checks + environment.functions.map(\.name)
        let hint = Self.didYouMean(name, candidates)
        if context.kinds.count == 1, let family = context.kinds.first {
            let known = environment.kinds(of: family).map(\.name).sorted().joined(separator: ", ")
            report(Messages.unknownKind(family.noun, name), at: span, hint: hint ?? "known \(family.noun)s: \(known)")
        } else {
            report(Messages.unknownFunction(name), at: span, hint: hint)
        }
    }

    // MARK: User functions

    func checkUserCall(_ symbol: Symbol, _ arguments: [Argument], span: Span, _ context: ExprContext) -> IRExpr? {
        guard let signature = functionSignature(symbol.key) else { return nil }
        let names = signature.parameters.map(\.name)
        let binder = ArgumentBinder(function: symbol.key.name, names: names, positional: names)
        let bound = binder.bind(arguments, report: { self.report($0) })
        var lowered: [IRExpr] = []
        var failed = bound == nil
        for parameter in signature.parameters {
            if let argument = bound?.named[parameter.name] {
                let ir = check(argument.value, expecting: parameter.type, context) {
                    Messages.argumentType(parameter.name, symbol.key.name, parameter.type.described, $0)
                }
                if let ir { lowered.append(ir) } else { failed = true }
            } else if let defaultValue = parameter.defaultValue {
                lowered.append(defaultValue)
            } else if bound != nil {
                report(Messages.missingArgument(parameter.name, symbol.key.name), at: span)
                failed = true
            }
        }
        guard !failed else { return nil }
        guard let result = signature.result ?? function(symbol.key, recursionAt: span)?.result else { return nil }
        let irName = functionIRName(symbol.key)
        return IRExpr(.callUser(function: irName, arguments: lowered), type: result, source: sourceRef(span))
    }

    // MARK: Kinds

    func checkKindCall(_ family: KindFamily, _ spec: KindSpec, _ arguments: [Argument], span: Span, _ context: ExprContext) -> IRExpr? {
        let binder = ArgumentBinder(function: spec.name, names: spec.parameters.map(\.name), positional: spec.positional)
        guard let bound = binder.bind(arguments, report: { self.report($0) }) else { return nil }
        var fields: [IRRecordField] = []
        var failed = false
        for parameter in spec.parameters {
            guard let argument = bound.named[parameter.name] else {
                if parameter.isRequired {
                    report(Messages.missingArgument(parameter.name, spec.name), at: span)
                    failed = true
                }
                continue
            }
            var inner = context
            if let family = parameter.innerFamily.flatMap(KindFamily.init(rawValue:)) { inner.kinds.insert(family) }
            let ir = check(argument.value, expecting: parameter.type, inner) {
                Messages.argumentType(parameter.name, spec.name, parameter.typeName, $0)
            }
            guard let ir else { failed = true; continue }
            // In a function body, a literal out of range is wrong whatever calls it; an inner kind is never lowered alone.
            if context.place == .function || family.isInner, IRWalk.isClosed(ir), parameter.type != .model, let value = constantValue(ir, span: argument.value.span) {
                if !checkRange(parameter, value, at: argument.value.span) { failed = true }
            }
            fields.append(IRRecordField(name: parameter.name, value: ir))
        }
        guard !failed else { return nil }
        let record = IRExpr(.record(fields), type: .record(fields: [:], open: true), source: sourceRef(span))
        return IRExpr(.call(function: family.callName(spec.name), arguments: [record]), type: family.valueType, source: sourceRef(span))
    }

    /// Reports a number outside the parameter's range; true when the value is fine.
    @discardableResult
    func checkRange(_ parameter: ParameterSpec, _ value: JSONValue, at span: Span, secondary: [DiagnosticLabel] = []) -> Bool {
        guard let number = value.doubleValue, let range = parameter.rangeDescription, !parameter.accepts(number) else { return true }
        report(Messages.parameterOutOfRange(parameter.name, range, CanonicalJSON.string(value)), at: span, secondary: secondary,
               hint: parameter.summary.isEmpty ? nil : "`\(parameter.name)` is the \(parameter.summary)")
        return false
    }

    // MARK: Model checks

    private func checkModelCheck(_ spec: QualityCheckSpec, _ arguments: [Argument], calleeSpan: Span, span: Span, _ context: ExprContext) -> IRExpr? {
        let name = spec.kind.name
        guard let collector = context.checks else {
            report(Messages.modelCheckOutsideQuality(name), at: calleeSpan)
            return nil
        }
        guard !context.inCheckArguments else {
            report(Messages.modelCheckNested(name), at: calleeSpan)
            return nil
        }
        var inner = context
        inner.inCheckArguments = true
        let binder = ArgumentBinder(function: name, names: spec.kind.parameters.map(\.name), positional: spec.kind.positional)
        guard let bound = binder.bind(arguments, report: { self.report($0) }) else { return nil }
        var lowered: [IRExpr] = []
        var model: String?
        var failed = false
        for parameter in spec.kind.parameters {
            guard let argument = bound.named[parameter.name] else {
                if parameter.isRequired {
                    report(Messages.missingArgument(parameter.name, name), at: span)
                    failed = true
                } else if parameter.type != .model {
                    lowered.append(IRLiteral.make(parameter.defaultValue ?? .null, type: parameter.type, source: sourceRef(span)))
                }
                continue
            }
            let ir = check(argument.value, expecting: parameter.type, inner) {
                Messages.argumentType(parameter.name, name, parameter.type.described, $0)
            }
            guard let ir else { failed = true; continue }
            if parameter.type == .model {
                if case .constant(let modelName) = ir.kind { model = modelName } else { failed = true }
            } else {
                lowered.append(ir)
            }
        }
        guard !failed else { return nil }
        let source = sourceRef(span)
        collector.nodes.append(ModelCheckNode(check: name, model: model, arguments: lowered, source: source))
        return IRExpr(.modelCheckResult(index: collector.nodes.count - 1), type: spec.result, source: source)
    }
}
