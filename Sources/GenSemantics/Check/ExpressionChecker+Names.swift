import GenCore
import GenPipeline
import GenSyntax

/// Names, member access and indexing.
extension CheckSession {
    func resolveName(_ name: String, span: Span, _ context: ExprContext) -> IRExpr? {
        let source = sourceRef(span)
        if let type = context.locals[name] { return IRExpr(.local(name: name), type: type, source: source) }
        if name == "spec", context.place == .quality { return specRecord(source: source) }
        switch lookup(name, in: context.module) {
        case .symbol(let symbol)?: return reference(symbol, span: span)
        case .module?:
            report(Messages.moduleAliasAsValue(name), at: span)
            return nil
        case nil:
            reportUnknownName(name, span: span, context)
            return nil
        }
    }

    /// A top-level declaration used as a value.
    func reference(_ symbol: Symbol, span: Span) -> IRExpr? {
        let source = sourceRef(span)
        switch symbol.thing {
        case .constant:
            guard let constant = constant(symbol.key, usedAt: span) else { return nil }
            return IRExpr(.constant(name: constant.irName), type: constant.type, source: source)
        case .model:
            // Internal model reference: a `.constant` typed `model`, resolved by static evaluation. A model whose
            // declaration has errors (already reported) still stands for a model, so the arm or check that uses it
            // is checked too (`temperature: 3` was hidden behind a bad `model:` argument).
            let name = model(symbol.key)?.name ?? irName(for: symbol.key, kind: "model")
            return IRExpr(.constant(name: name), type: .model, source: source)
        case .schema:
            report(Messages.schemaAsValue(symbol.key.name), at: span)
        case .function:
            report(Messages.functionAsValue(symbol.key.name), at: span)
        case .arm, .spec:
            report(Messages.notAValue(symbol.key.name, symbol.thing.description), at: span)
        }
        return nil
    }

    func reportUnknownName(_ name: String, span: Span, _ context: ExprContext) {
        let candidates = context.locals.keys.sorted() + scopeNames(context.module).values
            + (context.place == .quality ? ["spec"] : [])
        if context.place == .reward {
            report(Messages.unknownMetric(name, environment.rewardMetrics), at: span, hint: Self.didYouMean(name, candidates))
            return
        }
        var hint = Self.didYouMean(name, candidates)
        if hint == nil, name == "sample" || name == "spec" {
            hint = "`\(name)` exists only inside quality rules and scores"
        } else if hint == nil, environment.metricTypes[name] != nil || name == "scores" {
            hint = "`\(name)` is a metric; metrics exist only in the reward"
        }
        report(Messages.undefinedName(name), at: span, hint: hint)
    }

    /// `spec` inside quality expressions: the spec's values, known at compile time, as a record literal.
    func specRecord(source: SourceRef) -> IRExpr {
        let fields = specValues.keys.sorted().compactMap { key -> IRRecordField? in
            guard let (value, type) = specValues[key] else { return nil }
            return IRRecordField(name: key, value: IRLiteral.make(value, type: type, source: source))
        }
        let types = specValues.mapValues(\.1)
        return IRExpr(.record(fields), type: .record(fields: types, open: !specComplete), source: source)
    }

    func checkMember(_ base: Expr, _ name: Identifier, span: Span, _ context: ExprContext) -> IRExpr? {
        // `alias.name`: a declaration of an imported module.
        if case .name(let alias) = base.kind, context.locals[alias] == nil, case .module(let target, _)? = lookup(alias, in: context.module) {
            guard let entry = moduleExport(name.name, of: target) else {
                let exported = ScopeBuilder.ownSymbols(of: modules[target]).filter(ScopeBuilder.isExported).map(\.key.name)
                report(Messages.undefinedName("\(alias).\(name.name)"), at: name.span, hint: Self.didYouMean(name.name, exported))
                return nil
            }
            return reference(entry, span: span)
        }
        guard let object = check(base, context) else { return nil }
        let source = sourceRef(span)
        if object.type == .any { return IRExpr(.member(base: object, name: name.name), type: .any, source: source) }
        guard let fields = typeRules.recordFields(object.type) else {
            report(Messages.fieldOfNonRecord(name.name, object.type.described), at: name.span)
            return nil
        }
        guard let type = fields[name.name] else {
            if case .record(_, true) = object.type { return IRExpr(.member(base: object, name: name.name), type: .any, source: source) }
            report(Messages.unknownField(name.name, Self.owner(object.type)), at: name.span, hint: Self.didYouMean(name.name, fields.keys.sorted()))
            return nil
        }
        // A field of a literal record (e.g. `spec.domain`) folds to its value.
        if case .record(let literal) = object.kind, let field = literal.first(where: { $0.name == name.name }) {
            return IRExpr(field.value.kind, type: type, source: source)
        }
        return IRExpr(.member(base: object, name: name.name), type: type, source: source)
    }

    /// How a record type is named in "has no field" messages.
    static func owner(_ type: GenType) -> String {
        if case .schema(let name) = type { return "schema `\(name)`" }
        return "the record"
    }

    /// An exported declaration of a module, by name.
    func moduleExport(_ name: String, of module: Int) -> Symbol? {
        ScopeBuilder.ownSymbols(of: modules[module]).first { $0.key.name == name && ScopeBuilder.isExported($0) }
    }

    func checkIndex(_ base: Expr, _ index: Expr, span: Span, _ context: ExprContext) -> IRExpr? {
        let container = check(base, context)
        let key = check(index, context)
        guard let container, let key else { return nil }
        let source = sourceRef(span)
        let result: GenType?
        switch (container.type, key.type) {
        case (.any, _): result = .any
        case (.list(let element), .int), (.list(let element), .any): result = element
        case (.string, .int), (.string, .any): result = .string
        default:
            guard let fields = typeRules.recordFields(container.type), typeRules.isAssignable(key.type, to: .string) else {
                result = nil
                break
            }
            guard case .string(let literal) = key.kind else {
                result = .any
                break
            }
            guard let type = fields[literal] else {
                if case .record(_, true) = container.type { result = .any; break }
                let isScores = if case .local("scores") = container.kind { true } else { false }
                report(isScores ? Messages.unknownScore(literal) : Messages.unknownField(literal, Self.owner(container.type)),
                       at: index.span, hint: suggest(literal, candidates: fields.keys.sorted()).map { "did you mean \"\($0)\"?" })
                return nil
            }
            result = type
        }
        guard let result else {
            report(Messages.indexType(container.type.described, key.type.described), at: span)
            return nil
        }
        return IRExpr(.index(base: container, index: key), type: result, source: source)
    }
}

/// Literal IR for compile-time values.
enum IRLiteral {
    /// A value as an IR literal typed `type` (lists and records typed by their elements when `type` says nothing).
    static func make(_ value: JSONValue, type: GenType, source: SourceRef) -> IRExpr {
        switch value {
        case .null: return IRExpr(.none, type: type, source: source)
        case .bool(let flag): return IRExpr(.bool(flag), type: type, source: source)
        case .int(let whole): return type == .float ? IRExpr(.float(Double(whole)), type: .float, source: source) : IRExpr(.int(whole), type: type, source: source)
        case .double(let number): return IRExpr(.float(number), type: type, source: source)
        case .string(let text): return IRExpr(.string(text), type: type, source: source)
        case .array(let items):
            let element: GenType = if case .list(let inner) = type { inner } else { .any }
            return IRExpr(.list(items.map { make($0, type: element, source: source) }), type: type, source: source)
        case .object(let members):
            let fields: [String: GenType] = if case .record(let known, _) = type { known } else { [:] }
            let lowered = members.keys.sorted().map { key in
                IRRecordField(name: key, value: make(members[key] ?? .null, type: fields[key] ?? .any, source: source))
            }
            return IRExpr(.record(lowered), type: type, source: source)
        }
    }
}
