import GenCore
import GenPipeline
import GenSyntax

/// Type-checks expressions and lowers them to typed `IRExpr`. A nil result means an error was reported;
/// callers stay silent about it so one mistake yields one diagnostic.
extension CheckSession {
    var typeRules: TypeRules {
        TypeRules(schemaFields: { [weak self] name in self?.schemaByIRName[name]?.fieldTypes })
    }

    func check(_ expr: Expr, _ context: ExprContext) -> IRExpr? {
        let source = sourceRef(expr.span)
        switch expr.kind {
        case .int(let value): return IRExpr(.int(value), type: .int, source: source)
        case .float(let value): return IRExpr(.float(value), type: .float, source: source)
        case .bool(let value): return IRExpr(.bool(value), type: .bool, source: source)
        case .none: return IRExpr(.none, type: .none, source: source)
        case .string(let string): return checkString(string, source: source, context)
        case .name(let name): return resolveName(name, span: expr.span, context)
        case .paren(let inner): return check(inner, context)
        case .list(let elements): return checkList(elements, source: source, context)
        case .record(let fields): return checkRecord(fields, source: source, context)
        case .call(let callee, let arguments): return checkCall(callee, arguments, span: expr.span, context)
        case .member(let base, let name): return checkMember(base, name, span: expr.span, context)
        case .index(let base, let index): return checkIndex(base, index, span: expr.span, context)
        case .unary(let op, let operand): return checkUnary(op, operand, span: expr.span, context)
        case .binary(let op, let lhs, let rhs): return checkBinary(op, lhs, rhs, span: expr.span, context)
        case .if(let condition, let then, let otherwise):
            return checkConditional(condition, then, otherwise, span: expr.span, context)
        case .error: return nil
        }
    }

    /// Checks an expression that must have `expected`'s type; reports `message` (or a plain mismatch) otherwise.
    func check(_ expr: Expr, expecting expected: GenType, _ context: ExprContext, message: ((String) -> DiagnosticMessage)? = nil) -> IRExpr? {
        guard let ir = check(expr, context) else { return nil }
        guard typeRules.isAssignable(ir.type, to: expected) else {
            report(message?(ir.type.described) ?? Messages.typeMismatch(expected.described, ir.type.described), at: expr.span)
            return nil
        }
        return ir
    }

    private func checkString(_ string: StringExpr, source: SourceRef, _ context: ExprContext) -> IRExpr? {
        if let plain = string.plainValue { return IRExpr(.string(plain), type: .string, source: source) }
        var parts: [IRInterpolationPart] = []
        var failed = false
        for segment in string.segments {
            switch segment {
            case .text(let text, _): parts.append(.text(text))
            case .interpolation(let inner):
                if let ir = check(inner, context), valueCheck(ir, span: inner.span) { parts.append(.expression(ir)) } else { failed = true }
            }
        }
        return failed ? nil : IRExpr(.interpolation(parts), type: .string, source: source)
    }

    /// Models and arms are not data: they cannot be printed, compared or stored in lists.
    func valueCheck(_ ir: IRExpr, span: Span) -> Bool {
        guard ir.type == .model || ir.type == .arm else { return true }
        report(Messages.typeMismatch("a value", ir.type.described), at: span, hint: "a \(ir.type.described) can only be passed where one is expected")
        return false
    }

    private func checkList(_ elements: [Expr], source: SourceRef, _ context: ExprContext) -> IRExpr? {
        var items: [IRExpr] = []
        var elementType: GenType?
        var failed = false
        for element in elements {
            guard let ir = check(element, context), valueCheck(ir, span: element.span) else { failed = true; continue }
            if let current = elementType {
                guard let joined = typeRules.join(current, ir.type) else {
                    report(Messages.typeMismatch(current.described, ir.type.described), at: element.span,
                           label: "list elements have one type")
                    failed = true
                    continue
                }
                elementType = joined
            } else {
                elementType = ir.type
            }
            items.append(ir)
        }
        return failed ? nil : IRExpr(.list(items), type: .list(elementType ?? .any), source: source)
    }

    private func checkRecord(_ fields: [RecordField], source: SourceRef, _ context: ExprContext) -> IRExpr? {
        var lowered: [IRRecordField] = []
        var types: [String: GenType] = [:]
        var seen: [String: Span] = [:]
        var failed = false
        for field in fields {
            if let first = seen[field.key] {
                report(Messages.duplicateAttribute(field.key), at: field.keySpan, secondary: [DiagnosticLabel("first given here", at: first)])
                failed = true
                continue
            }
            seen[field.key] = field.keySpan
            guard let ir = check(field.value, context), valueCheck(ir, span: field.value.span) else { failed = true; continue }
            lowered.append(IRRecordField(name: field.key, value: ir))
            types[field.key] = ir.type
        }
        return failed ? nil : IRExpr(.record(lowered), type: .record(fields: types, open: false), source: source)
    }

    private func checkConditional(_ condition: Expr, _ then: Expr, _ otherwise: Expr, span: Span, _ context: ExprContext) -> IRExpr? {
        let test = check(condition, expecting: .bool, context, message: Messages.conditionNotBoolean)
        let yes = check(then, context)
        let no = check(otherwise, context)
        guard let test, let yes, let no else { return nil }
        guard let type = typeRules.join(yes.type, no.type) else {
            report(Messages.ifBranchMismatch(yes.type.described, no.type.described), at: span)
            return nil
        }
        return IRExpr(.conditional(condition: test, then: yes, otherwise: no), type: type, source: sourceRef(span))
    }
}
