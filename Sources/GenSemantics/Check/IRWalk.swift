import GenPipeline

/// Structural queries and rewrites over IR expressions.
enum IRWalk {
    /// The direct children of a node.
    static func children(_ expr: IRExpr) -> [IRExpr] {
        switch expr.kind {
        case .int, .float, .string, .bool, .none, .local, .constant, .modelCheckResult: return []
        case .list(let items): return items
        case .record(let fields): return fields.map(\.value)
        case .interpolation(let parts): return parts.compactMap { if case .expression(let e) = $0 { e } else { nil } }
        case .member(let base, _): return [base]
        case .index(let base, let index): return [base, index]
        case .unary(_, let operand): return [operand]
        case .binary(_, let lhs, let rhs): return [lhs, rhs]
        case .conditional(let c, let t, let o): return [c, t, o]
        case .range(let lower, let upper, _): return [lower, upper]
        case .call(_, let arguments), .callUser(_, let arguments): return arguments
        }
    }

    /// True when some node satisfies the predicate.
    static func contains(_ expr: IRExpr, where predicate: (IRExpr) -> Bool) -> Bool {
        predicate(expr) || children(expr).contains { contains($0, where: predicate) }
    }

    /// True when the expression uses no locals and no model checks (it can be evaluated at compile time).
    static func isClosed(_ expr: IRExpr) -> Bool {
        !contains(expr) { node in
            switch node.kind {
            case .local, .modelCheckResult: return true
            default: return false
            }
        }
    }

    /// Local names used.
    static func locals(_ expr: IRExpr) -> Set<String> {
        var names: Set<String> = []
        _ = contains(expr) { node in
            if case .local(let name) = node.kind { names.insert(name) }
            return false
        }
        return names
    }

    /// User functions called, directly.
    static func userCalls(_ expr: IRExpr) -> [String] {
        var names: [String] = []
        _ = contains(expr) { node in
            if case .callUser(let name, _) = node.kind, !names.contains(name) { names.append(name) }
            return false
        }
        return names
    }

    /// Rebuilds the tree bottom-up, giving `transform` each node after its children were rebuilt.
    static func map(_ expr: IRExpr, _ transform: (IRExpr) throws -> IRExpr) rethrows -> IRExpr {
        var copy = expr
        switch expr.kind {
        case .int, .float, .string, .bool, .none, .local, .constant, .modelCheckResult: break
        case .list(let items): copy.kind = .list(try items.map { try map($0, transform) })
        case .record(let fields): copy.kind = .record(try fields.map { IRRecordField(name: $0.name, value: try map($0.value, transform)) })
        case .interpolation(let parts):
            copy.kind = .interpolation(try parts.map { part in
                if case .expression(let inner) = part { return .expression(try map(inner, transform)) }
                return part
            })
        case .member(let base, let name): copy.kind = .member(base: try map(base, transform), name: name)
        case .index(let base, let index): copy.kind = .index(base: try map(base, transform), index: try map(index, transform))
        case .unary(let op, let operand): copy.kind = .unary(op: op, operand: try map(operand, transform))
        case .binary(let op, let lhs, let rhs): copy.kind = .binary(op: op, lhs: try map(lhs, transform), rhs: try map(rhs, transform))
        case .conditional(let c, let t, let o):
            copy.kind = .conditional(condition: try map(c, transform), then: try map(t, transform), otherwise: try map(o, transform))
        case .range(let lower, let upper, let inclusive):
            copy.kind = .range(lower: try map(lower, transform), upper: try map(upper, transform), inclusive: inclusive)
        case .call(let name, let arguments): copy.kind = .call(function: name, arguments: try arguments.map { try map($0, transform) })
        case .callUser(let name, let arguments): copy.kind = .callUser(function: name, arguments: try arguments.map { try map($0, transform) })
        }
        return try transform(copy)
    }
}
