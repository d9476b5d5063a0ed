import GenCore
import GenPipeline
import GenSyntax

/// Unary and binary operators, with the runtime's rules (`/` gives a float; `+` joins strings and lists).
extension CheckSession {
    func checkUnary(_ op: UnaryOperator, _ operand: Expr, span: Span, _ context: ExprContext) -> IRExpr? {
        guard let value = check(operand, context) else { return nil }
        let source = sourceRef(span)
        switch op {
        case .not:
            guard typeRules.isAssignable(value.type, to: .bool) else {
                report(Messages.typeMismatch("bool", value.type.described), at: operand.span, label: "`!` needs a bool")
                return nil
            }
            return IRExpr(.unary(op: .not, operand: value), type: .bool, source: source)
        case .negate:
            guard value.type.isNumeric else {
                report(Messages.typeMismatch("a number", value.type.described), at: operand.span, label: "`-` needs a number")
                return nil
            }
            return IRExpr(.unary(op: .negate, operand: value), type: value.type, source: source)
        }
    }

    func checkBinary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, span: Span, _ context: ExprContext) -> IRExpr? {
        if op == .mapping {
            report(Messages.mappingOutsideTask(), at: span)
            return nil
        }
        let left = check(lhs, context)
        let right = check(rhs, context)
        guard let left, let right, valueCheck(left, span: lhs.span), valueCheck(right, span: rhs.span) else { return nil }
        let source = sourceRef(span)
        if op == .range || op == .halfOpenRange {
            guard left.type.isNumeric, right.type.isNumeric else {
                _ = operandError(op, left, right, span)
                return nil
            }
            let bound: GenType = left.type == .int && right.type == .int ? .int : .float
            return IRExpr(.range(lower: left, upper: right, inclusive: op == .range), type: .range(bound), source: source)
        }
        guard let irOp = Self.irOperator(op), let type = resultType(op, left, right, span: span) else { return nil }
        return IRExpr(.binary(op: irOp, lhs: left, rhs: right), type: type, source: source)
    }

    private func resultType(_ op: BinaryOperator, _ left: IRExpr, _ right: IRExpr, span: Span) -> GenType? {
        let (a, b) = (left.type, right.type)
        switch op {
        case .and, .or:
            guard typeRules.isAssignable(a, to: .bool), typeRules.isAssignable(b, to: .bool) else { return operandError(op, left, right, span) }
            return .bool
        case .equal, .notEqual:
            return comparable(op, left, right, span: span) ? .bool : nil
        case .less, .lessEqual, .greater, .greaterEqual:
            let ordered = (a.isNumeric && b.isNumeric) || (typeRules.isAssignable(a, to: .string) && typeRules.isAssignable(b, to: .string))
            return ordered ? .bool : operandError(op, left, right, span)
        case .add:
            if a.isNumeric && b.isNumeric { return Self.arithmetic(a, b) }
            if typeRules.isAssignable(a, to: .string) && typeRules.isAssignable(b, to: .string) { return .string }
            if case .list = a, case .list = b, let joined = typeRules.join(a, b) { return joined }
            let hint = a == .string || b == .string ? "to put a value in a string, interpolate it: \"text \\(value)\"" : nil
            return operandError(op, left, right, span, hint: hint)
        case .subtract, .multiply, .remainder:
            return a.isNumeric && b.isNumeric ? Self.arithmetic(a, b) : operandError(op, left, right, span)
        case .divide:
            return a.isNumeric && b.isNumeric ? .float : operandError(op, left, right, span)
        case .mapping, .range, .halfOpenRange:
            return nil
        }
    }

    /// `==` works between values that can be equal; comparing an enum with a string outside its values is a
    /// mistake the schema can see (`sample.label == "lost"` never holds).
    private func comparable(_ op: BinaryOperator, _ left: IRExpr, _ right: IRExpr, span: Span) -> Bool {
        for (value, other) in [(left, right), (right, left)] {
            if case .enumeration(let values) = value.type, case .string(let literal) = other.kind, !values.contains(literal) {
                report(Messages.enumValueMismatch(literal, value.type.described), at: Span(file: span.file, start: other.source.offset, length: other.source.length),
                       hint: suggest(literal, candidates: values).map { "did you mean \"\($0)\"?" })
                return false
            }
        }
        let (a, b) = (left.type, right.type)
        if a == .none || b == .none || (a.isNumeric && b.isNumeric) { return true }
        if typeRules.isAssignable(a, to: b) || typeRules.isAssignable(b, to: a) { return true }
        _ = operandError(op, left, right, span)
        return false
    }

    private func operandError(_ op: BinaryOperator, _ left: IRExpr, _ right: IRExpr, _ span: Span, hint: String? = nil) -> GenType? {
        report(Messages.operandTypes(op.rawValue, left.type.described, right.type.described), at: span, hint: hint)
        return nil
    }

    static func arithmetic(_ a: GenType, _ b: GenType) -> GenType {
        if a == .int && b == .int { return .int }
        if a == .any || b == .any { return .any }
        return .float
    }

    static func irOperator(_ op: BinaryOperator) -> IRBinaryOperator? {
        switch op {
        case .or: .or
        case .and: .and
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessOrEqual
        case .greater: .greater
        case .greaterEqual: .greaterOrEqual
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .remainder: .remainder
        case .mapping, .range, .halfOpenRange: nil
        }
    }
}
