import GenPipeline

/// The semantics of the language's operators on values.
///
/// - `+ - *` on two ints give an int; overflow is an error, never a wrap or a crash.
/// - `/` always gives a float (`7 / 2 == 3.5`): scores and rewards are ratios, and silent truncation is the
///   classic bug there. `%` on ints gives an int with the sign of the dividend (`-7 % 3 == -1`, as in Swift).
/// - An int mixed with a float is promoted to float. A float result that is not finite is an error.
/// - Division or remainder by zero (int or float) is an error.
/// - `+` also concatenates two strings or two lists.
/// - `==`/`!=` are structural on lists and records; ints and floats compare by value; `none` equals only
///   `none` and may be compared with anything. Other mismatched types are a type error, as are `<`-style
///   comparisons of anything but two numbers or two strings.
enum Operators {
    static func binary(_ op: IRBinaryOperator, _ lhs: Value, _ rhs: Value) throws(RuntimeProblem) -> Value {
        switch op {
        case .add: return try add(lhs, rhs)
        case .subtract: return try arithmetic(op, lhs, rhs, { $0.subtractingReportingOverflow($1) }, -)
        case .multiply: return try arithmetic(op, lhs, rhs, { $0.multipliedReportingOverflow(by: $1) }, *)
        case .divide: return try divide(lhs, rhs)
        case .remainder: return try remainder(lhs, rhs)
        case .equal: return .bool(try equal(lhs, rhs, op: "=="))
        case .notEqual: return .bool(!(try equal(lhs, rhs, op: "!=")))
        case .less: return .bool(try order(op, lhs, rhs) < 0)
        case .lessOrEqual: return .bool(try order(op, lhs, rhs) <= 0)
        case .greater: return .bool(try order(op, lhs, rhs) > 0)
        case .greaterOrEqual: return .bool(try order(op, lhs, rhs) >= 0)
        case .and, .or:
            // Compiled to jumps for short-circuiting; reached only if a caller applies them eagerly.
            guard case .bool(let left) = lhs else { throw RuntimeProblem.notABool("the left side of `\(op.rawValue)`", lhs) }
            guard case .bool(let right) = rhs else { throw RuntimeProblem.notABool("the right side of `\(op.rawValue)`", rhs) }
            return .bool(op == .and ? left && right : left || right)
        }
    }

    static func unary(_ op: IRUnaryOperator, _ operand: Value) throws(RuntimeProblem) -> Value {
        switch (op, operand) {
        case (.not, .bool(let flag)): return .bool(!flag)
        case (.negate, .int(let whole)):
            guard whole != .min else { throw RuntimeProblem.integerOverflow("-(\(whole))") }
            return .int(-whole)
        case (.negate, .float(let number)): return .float(-number)
        default: throw RuntimeProblem.unaryOperand(op.rawValue, operand)
        }
    }

    private static func add(_ lhs: Value, _ rhs: Value) throws(RuntimeProblem) -> Value {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.list(let a), .list(let b)): return .list(a + b)
        default: return try arithmetic(.add, lhs, rhs, { $0.addingReportingOverflow($1) }, +)
        }
    }

    private static func arithmetic(
        _ op: IRBinaryOperator, _ lhs: Value, _ rhs: Value,
        _ integer: (Int, Int) -> (partialValue: Int, overflow: Bool), _ floating: (Double, Double) -> Double
    ) throws(RuntimeProblem) -> Value {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            let (result, overflow) = integer(a, b)
            guard !overflow else { throw RuntimeProblem.integerOverflow(op.rawValue, a, b) }
            return .int(result)
        }
        guard let a = lhs.numberValue, let b = rhs.numberValue else { throw RuntimeProblem.operandTypes(op.rawValue, lhs, rhs) }
        return try finite(floating(a, b), op)
    }

    private static func divide(_ lhs: Value, _ rhs: Value) throws(RuntimeProblem) -> Value {
        guard let a = lhs.numberValue, let b = rhs.numberValue else { throw RuntimeProblem.operandTypes("/", lhs, rhs) }
        guard b != 0 else { throw RuntimeProblem.divisionByZero("/") }
        return try finite(a / b, .divide)
    }

    private static func remainder(_ lhs: Value, _ rhs: Value) throws(RuntimeProblem) -> Value {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            guard b != 0 else { throw RuntimeProblem.divisionByZero("%") }
            let (result, overflow) = a.remainderReportingOverflow(dividingBy: b)
            guard !overflow else { throw RuntimeProblem.integerOverflow("%", a, b) }
            return .int(result)
        }
        guard let a = lhs.numberValue, let b = rhs.numberValue else { throw RuntimeProblem.operandTypes("%", lhs, rhs) }
        guard b != 0 else { throw RuntimeProblem.divisionByZero("%") }
        return try finite(a.truncatingRemainder(dividingBy: b), .remainder)
    }

    private static func finite(_ number: Double, _ op: IRBinaryOperator) throws(RuntimeProblem) -> Value {
        guard number.isFinite else { throw RuntimeProblem.notFinite(op.rawValue) }
        return .float(number)
    }

    /// Structural equality; `op` names the operator (or builtin) for the error on mismatched types.
    static func equal(_ lhs: Value, _ rhs: Value, op: String) throws(RuntimeProblem) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.none, .none): return true
        case (.none, _), (_, .none): return false
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !(try equal(x, y, op: op)) { return false }
            return true
        case (.record(let a), .record(let b)):
            guard a.count == b.count else { return false }
            for field in a.fields {
                guard let other = b[field.name], try equal(field.value, other, op: op) else { return false }
            }
            return true
        case (.model(let a), .model(let b)): return a == b
        case (.arm(let a), .arm(let b)): return a == b
        case (.range(let a), .range(let b)): return a == b
        default:
            if let a = lhs.numberValue, let b = rhs.numberValue { return a == b }
            throw RuntimeProblem.comparison(op, lhs, rhs)
        }
    }

    /// -1, 0 or 1 for two numbers or two strings.
    private static func order(_ op: IRBinaryOperator, _ lhs: Value, _ rhs: Value) throws(RuntimeProblem) -> Int {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default:
            guard let a = lhs.numberValue, let b = rhs.numberValue else { throw RuntimeProblem.comparison(op.rawValue, lhs, rhs) }
            return a < b ? -1 : (a == b ? 0 : 1)
        }
    }
}
