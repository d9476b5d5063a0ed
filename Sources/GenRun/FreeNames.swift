import GenPipeline

/// The free names (`.local`) an expression reads, in first-use order: what the run loop must bind.
enum FreeNames {
    static func of(_ expression: IRExpr) -> [String] {
        var names: [String] = []
        collect(expression, into: &names)
        return names
    }

    static func collect(_ expression: IRExpr, into names: inout [String]) {
        switch expression.kind {
        case .local(let name):
            if !names.contains(name) { names.append(name) }
        case .int, .float, .string, .bool, .none, .constant, .modelCheckResult:
            break
        case .list(let items):
            for item in items { collect(item, into: &names) }
        case .record(let fields):
            for field in fields { collect(field.value, into: &names) }
        case .interpolation(let parts):
            for case .expression(let part) in parts { collect(part, into: &names) }
        case .member(let base, _):
            collect(base, into: &names)
        case .index(let base, let index):
            collect(base, into: &names)
            collect(index, into: &names)
        case .unary(_, let operand):
            collect(operand, into: &names)
        case .binary(_, let lhs, let rhs):
            collect(lhs, into: &names)
            collect(rhs, into: &names)
        case .conditional(let condition, let then, let otherwise):
            collect(condition, into: &names)
            collect(then, into: &names)
            collect(otherwise, into: &names)
        case .range(let lower, let upper, _):
            collect(lower, into: &names)
            collect(upper, into: &names)
        case .call(_, let arguments), .callUser(_, let arguments):
            for argument in arguments { collect(argument, into: &names) }
        }
    }
}
