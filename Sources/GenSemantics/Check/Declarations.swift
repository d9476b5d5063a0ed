import GenCore
import GenPipeline
import GenSyntax

/// `let` and `fn` declarations, checked on demand and memoised (so they may be used before they are declared).
extension CheckSession {
    func constant(_ key: DeclKey, usedAt span: Span?) -> CheckedConstant? {
        switch constants[key] {
        case .done(let constant)?: return constant
        case .failed?: return nil
        case .inProgress?:
            if let span, let symbol = symbols[key] {
                report(Messages.declarationCycle(key.name), at: span, secondary: [DiagnosticLabel("`\(key.name)` is declared here", at: symbol.nameSpan)])
            }
            constants[key] = .failed
            return nil
        case nil: break
        }
        guard let symbol = symbols[key], case .constant(let decl) = symbol.thing else { return nil }
        guard enterDeclaration(key, at: span ?? symbol.nameSpan) else {
            constants[key] = .failed
            return nil
        }
        defer { declarationDepth -= 1 }
        constants[key] = .inProgress
        let declared = decl.type.flatMap { resolveType($0, module: key.module) }
        let context = ExprContext(module: key.module, place: .constant)
        var result: CheckedConstant?
        if let ir = declared.map({ check(decl.value, expecting: $0, context) }) ?? check(decl.value, context),
           valueCheck(ir, span: decl.value.span), let value = constantValue(ir, span: decl.value.span) {
            let irName = irName(for: key, kind: "let")
            result = CheckedConstant(irName: irName, type: declared ?? ir.type, value: value, source: sourceRef(decl.name.span))
            constantByIRName[irName] = result
        }
        if case .failed? = constants[key] { return nil }
        constants[key] = result.map(Memo.done) ?? .failed
        return result
    }

    /// Parameter types, defaults and the declared result type, without checking the body.
    func functionSignature(_ key: DeclKey) -> (parameters: [CheckedParameter], result: GenType?)? {
        if let signature = functionSignatures[key] { return signature }
        guard let symbol = symbols[key], case .function(let decl) = symbol.thing else { return nil }
        var parameters: [CheckedParameter] = []
        var failed = false
        var seen: [String: Span] = [:]
        for parameter in decl.parameters {
            if let first = seen[parameter.name.name] {
                report(Messages.duplicateDeclaration(parameter.name.name), at: parameter.name.span,
                       secondary: [DiagnosticLabel("first declared here", at: first)])
                failed = true
            }
            seen[parameter.name.name] = parameter.name.span
            let declared: GenType?? = parameter.type.map { resolveType($0, module: key.module) }
            if let resolved = declared, resolved == nil { failed = true }
            let context = ExprContext(module: key.module, place: .constant)
            var defaultValue: IRExpr?
            if let expr = parameter.defaultValue {
                defaultValue = declared.flatMap { $0 }.map { check(expr, expecting: $0, context) } ?? check(expr, context)
                if defaultValue == nil { failed = true }
            }
            parameters.append(CheckedParameter(name: parameter.name.name, type: declared.flatMap { $0 } ?? defaultValue?.type ?? .any, defaultValue: defaultValue))
        }
        var result: GenType?
        if let returnType = decl.returnType {
            result = resolveType(returnType, module: key.module)
            if result == nil { failed = true }
        }
        guard !failed else { return nil }
        functionSignatures[key] = (parameters, result)
        return (parameters, result)
    }

    /// Checks a function's body (once); `recursionAt` is where a recursive use needs the declared type.
    @discardableResult
    func function(_ key: DeclKey, recursionAt span: Span? = nil) -> CheckedFunction? {
        switch functions[key] {
        case .done(let function)?: return function
        case .failed?: return nil
        case .inProgress?:
            if let span { report(Messages.recursiveInference(key.name), at: span) }
            return nil
        case nil: break
        }
        guard let symbol = symbols[key], case .function(let decl) = symbol.thing, let signature = functionSignature(key) else {
            functions[key] = .failed
            return nil
        }
        guard enterDeclaration(key, at: span ?? symbol.nameSpan) else {
            functions[key] = .failed
            return nil
        }
        defer { declarationDepth -= 1 }
        functions[key] = .inProgress
        let locals = Dictionary(signature.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        let context = ExprContext(module: key.module, place: .function, locals: locals, kinds: [.arm, .model])
        var result: CheckedFunction?
        if let body = check(decl.body, context) {
            if let declared = signature.result, !typeRules.isAssignable(body.type, to: declared) {
                report(Messages.returnType(key.name, declared.described, body.type.described), at: decl.body.span)
            } else {
                result = CheckedFunction(
                    key: key, irName: functionIRName(key), parameters: signature.parameters, result: signature.result ?? body.type,
                    body: body, source: sourceRef(decl.name.span))
            }
        }
        functions[key] = result.map(Memo.done) ?? .failed
        if let result { functionByIRName[result.irName] = result }
        return result
    }

    func functionIRName(_ key: DeclKey) -> String {
        if let name = functionIRNames[key] { return name }
        let name = irName(for: key, kind: "fn")
        functionIRNames[key] = name
        return name
    }

    /// The static type a type annotation names: `string`, `list(int)`, `Intent`, `model`, `arm`, ...
    func resolveType(_ type: TypeRef, module: Int) -> GenType? {
        let simple: [String: GenType] = [
            "string": .string, "int": .int, "float": .float, "bool": .bool, "any": .any, "model": .model, "arm": .arm,
            "record": .record(fields: [:], open: true),
        ]
        let name = type.name.name
        if name == "list" || name == "range" {
            guard type.arguments.count == 1, let element = resolveType(type.arguments[0], module: module) else {
                report(Messages.unknownType(name), at: type.span, hint: "write `\(name)(T)`, e.g. `\(name)(\(name == "list" ? "string" : "int"))`")
                return nil
            }
            return name == "list" ? .list(element) : .range(element)
        }
        if let simple = simple[name], type.arguments.isEmpty { return simple }
        if case .symbol(let symbol)? = lookup(name, in: module), case .schema = symbol.thing, let schema = schema(symbol.key, usedAt: type.name.span) {
            return .schema(schema.irName)
        }
        report(Messages.unknownType(name), at: type.name.span,
               hint: Self.didYouMean(name, simple.keys.sorted() + ["list", "range"] + scopeNames(module).schemas))
        return nil
    }

    /// One level deeper into declarations checked inside one another; false (after reporting) past the limit.
    /// The caller leaves the level with `declarationDepth -= 1`.
    func enterDeclaration(_ key: DeclKey, at span: Span) -> Bool {
        guard declarationDepth < Self.maxDeclarationDepth else {
            report(Messages.declarationChainTooDeep(key.name, Self.maxDeclarationDepth), at: span)
            return false
        }
        declarationDepth += 1
        return true
    }
}
