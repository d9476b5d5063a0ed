import GenCore
import GenPipeline

/// Operators on compile-time values, with the runtime's rules: `/` always gives a float, an int mixed with a
/// float becomes a float, `+` concatenates strings and lists, overflow and division by zero are errors.
enum ConstantOperators {
    static func apply(_ op: IRBinaryOperator, _ lhs: JSONValue, _ rhs: JSONValue) throws -> JSONValue {
        switch (op, lhs, rhs) {
        case (.and, .bool(let a), .bool(let b)): return .bool(a && b)
        case (.or, .bool(let a), .bool(let b)): return .bool(a || b)
        case (.equal, _, _): return .bool(equal(lhs, rhs))
        case (.notEqual, _, _): return .bool(!equal(lhs, rhs))
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.add, .array(let a), .array(let b)): return .array(a + b)
        case (.less, .string(let a), .string(let b)): return .bool(a < b)
        case (.lessOrEqual, .string(let a), .string(let b)): return .bool(a <= b)
        case (.greater, .string(let a), .string(let b)): return .bool(a > b)
        case (.greaterOrEqual, .string(let a), .string(let b)): return .bool(a >= b)
        case (_, .int(let a), .int(let b)) where op != .divide: return try integer(op, a, b)
        default:
            guard let a = lhs.doubleValue, let b = rhs.doubleValue else {
                throw ConstantEvaluationError("`\(op.rawValue)` does not apply to these values")
            }
            return try floating(op, a, b)
        }
    }

    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let a = lhs.doubleValue, let b = rhs.doubleValue { return a == b }
        return lhs == rhs
    }

    static func integer(_ op: IRBinaryOperator, _ a: Int, _ b: Int) throws -> JSONValue {
        let result: (Int, Bool)
        switch op {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .remainder:
            guard b != 0 else { throw ConstantEvaluationError("division by zero") }
            result = a.remainderReportingOverflow(dividingBy: b)
        default: return try floating(op, Double(a), Double(b))
        }
        guard !result.1 else { throw ConstantEvaluationError("integer overflow") }
        return .int(result.0)
    }

    static func floating(_ op: IRBinaryOperator, _ a: Double, _ b: Double) throws -> JSONValue {
        let value: Double
        switch op {
        case .add: value = a + b
        case .subtract: value = a - b
        case .multiply: value = a * b
        case .divide, .remainder:
            guard b != 0 else { throw ConstantEvaluationError("division by zero") }
            value = op == .divide ? a / b : a.truncatingRemainder(dividingBy: b)
        case .less: return .bool(a < b)
        case .lessOrEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterOrEqual: return .bool(a >= b)
        default: throw ConstantEvaluationError("`\(op.rawValue)` does not apply to numbers")
        }
        guard value.isFinite else { throw ConstantEvaluationError("the result is not a finite number") }
        return .double(value)
    }
}
