import GenCore
import GenPipeline

/// IR expressions as source-like text for outlines (`passed * (0.6 * quality + 0.4 * novelty)`).
enum IRRendering {
    static func render(_ expr: IRExpr) -> String {
        switch expr.kind {
        case .int(let value): return String(value)
        case .float(let value): return CanonicalJSON.string(.double(value))
        case .string(let text): return CanonicalJSON.string(.string(text))
        case .bool(let flag): return String(flag)
        case .none: return "none"
        case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .record(let fields): return "{" + fields.map { "\($0.name): \(render($0.value))" }.joined(separator: ", ") + "}"
        case .interpolation(let parts):
            return "\"" + parts.map { part in
                switch part {
                case .text(let text): text
                case .expression(let inner): "\\(" + render(inner) + ")"
                }
            }.joined() + "\""
        case .local(let name), .constant(let name): return name
        case .member(let base, let name): return render(base) + "." + name
        case .index(let base, let index): return render(base) + "[" + render(index) + "]"
        case .unary(let op, let operand): return op.rawValue + render(operand)
        case .binary(let op, let lhs, let rhs): return "(" + render(lhs) + " " + op.rawValue + " " + render(rhs) + ")"
        case .conditional(let c, let t, let o): return "if " + render(c) + " then " + render(t) + " else " + render(o)
        case .range(let lower, let upper, let inclusive): return render(lower) + (inclusive ? ".." : "..<") + render(upper)
        case .call(let name, let arguments), .callUser(let name, let arguments):
            return name + "(" + arguments.map(render).joined(separator: ", ") + ")"
        case .modelCheckResult(let index): return "check#\(index)"
        }
    }
}
