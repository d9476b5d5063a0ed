import GenCore
import GenPipeline
import GenSyntax

/// Builtin calls: the first overload whose parameters accept the arguments wins (int forms come first).
extension CheckSession {
    func checkBuiltinCall(_ name: String, _ overloads: [FunctionSignature], _ arguments: [Argument], span: Span, _ context: ExprContext) -> IRExpr? {
        var checked: [Int: IRExpr] = [:]
        var failed = false
        for (position, argument) in arguments.enumerated() {
            if let ir = check(argument.value, context), valueCheck(ir, span: argument.value.span) { checked[position] = ir } else { failed = true }
        }
        guard !failed else { return nil }
        for signature in overloads {
            if let lowered = match(signature, arguments, checked, span: span) {
                checkRegexArguments(signature, arguments, lowered)
                return IRExpr(.call(function: name, arguments: lowered), type: signature.result, source: sourceRef(span))
            }
        }
        if overloads.count == 1, let signature = overloads.first {
            explainMismatch(signature, arguments, checked, span: span)
        } else {
            let found = arguments.indices.map { checked[$0]?.type.described ?? "?" }.joined(separator: ", ")
            let forms = overloads.map(Self.describe).joined(separator: ", ")
            report(Messages.noMatchingOverload(name, found), at: span, hint: "its forms are " + forms)
        }
        return nil
    }

    /// `len(text: string) -> int`
    static func describe(_ signature: FunctionSignature) -> String {
        let parameters = signature.parameters.map { "\($0.name): \($0.type.described)" }.joined(separator: ", ")
        return "`\(signature.name)(\(parameters)\(signature.isVariadic ? ", ..." : "")) -> \(signature.result.described)`"
    }

    /// Arguments in parameter order with defaults filled, when this overload accepts them.
    private func match(_ signature: FunctionSignature, _ arguments: [Argument], _ checked: [Int: IRExpr], span: Span) -> [IRExpr]? {
        let names = signature.parameters.map(\.name)
        let binder = ArgumentBinder(function: signature.name, names: names, positional: names, isVariadic: signature.isVariadic)
        guard let bound = binder.bind(arguments, report: nil) else { return nil }
        let position = { (argument: Argument) in arguments.firstIndex { $0.span == argument.span } ?? 0 }
        var lowered: [IRExpr] = []
        for parameter in signature.parameters {
            if let argument = bound.named[parameter.name], let ir = checked[position(argument)] {
                guard typeRules.isAssignable(ir.type, to: parameter.type) else { return nil }
                lowered.append(ir)
            } else if let defaultValue = parameter.defaultValue {
                lowered.append(IRLiteral.make(defaultValue, type: parameter.type, source: sourceRef(span)))
            } else {
                return nil
            }
        }
        let variadicType = signature.parameters.last?.type ?? .any
        for argument in bound.extra {
            guard let ir = checked[position(argument)], typeRules.isAssignable(ir.type, to: variadicType) else { return nil }
            lowered.append(ir)
        }
        return lowered
    }

    /// The precise reason a single-form builtin rejects the call.
    private func explainMismatch(_ signature: FunctionSignature, _ arguments: [Argument], _ checked: [Int: IRExpr], span: Span) {
        let names = signature.parameters.map(\.name)
        let binder = ArgumentBinder(function: signature.name, names: names, positional: names, isVariadic: signature.isVariadic)
        guard let bound = binder.bind(arguments, report: { self.report($0) }) else { return }
        for parameter in signature.parameters {
            guard let argument = bound.named[parameter.name] else {
                if parameter.defaultValue == nil {
                    report(Messages.missingArgument(parameter.name, signature.name), at: span)
                    return
                }
                continue
            }
            if let index = arguments.firstIndex(where: { $0.span == argument.span }), let ir = checked[index],
               !typeRules.isAssignable(ir.type, to: parameter.type) {
                report(Messages.argumentType(parameter.name, signature.name, parameter.type.described, ir.type.described), at: argument.value.span)
                return
            }
        }
        report(Messages.noMatchingOverload(signature.name, ""), at: span, hint: "its form is " + Self.describe(signature))
    }
}
