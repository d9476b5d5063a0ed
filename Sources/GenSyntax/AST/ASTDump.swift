import GenCore

/// A stable, indented S-expression rendering of a program, for golden tests and `gen ast`.
///
/// Declarations and block items go on their own lines, expressions stay on one line, e.g.
/// `(model local (call (name openai) (named base_url (string "http://127.0.0.1:8080/v1"))))`.
public enum ASTDump {
    public static func render(_ program: Program) -> String {
        var lines = ["(program"]
        if let version = program.version { lines.append("  (version \(version.version))") }
        for declaration in program.declarations {
            lines += render(declaration).map { "  " + $0 }
        }
        lines[lines.count - 1] += ")"
        return lines.joined(separator: "\n") + "\n"
    }

    /// One declaration, as lines (block items indented by two spaces).
    public static func render(_ declaration: Declaration) -> [String] {
        switch declaration {
        case .import(let d):
            return ["(import \(GenStringLiteral.quote(d.path))\(d.alias.map { " " + $0.name } ?? ""))"]
        case .let(let d):
            return ["(let \(d.name.name)\(d.type.map { " " + render($0) } ?? "") \(render(d.value)))"]
        case .fn(let d):
            let params = d.parameters.map { p in
                "(param \(p.name.name)\(p.type.map { " " + render($0) } ?? "")\(p.defaultValue.map { " " + render($0) } ?? ""))"
            }
            let returns = d.returnType.map { " (returns \(render($0)))" } ?? ""
            return ["(fn \(d.name.name) (\(params.joined(separator: " ")))\(returns) \(render(d.body)))"]
        case .model(let d): return ["(model \(d.name.name) \(render(d.value)))"]
        case .arm(let d): return ["(arm \(d.name.name) \(render(d.value)))"]
        case .router(let d): return ["(router \(render(d.value)))"]
        case .reward(let d): return ["(reward \(render(d.value)))"]
        case .schema(let d):
            return block("(schema \(d.name.name)", d.body.items.map { f in
                "(field\(f.isOptional ? "?" : "") \(f.name.name) \(render(f.value)))"
            })
        case .spec(let d): return block("(spec \(d.name?.name ?? "")", d.body.items.map(render))
        case .evaluate(let d): return block("(evaluate", d.body.items.map(render))
        case .expect(let d): return block("(expect", d.body.items.map(render))
        case .quality(let d): return block("(quality", d.body.items.map(render))
        }
    }

    static func block(_ head: String, _ items: [String]) -> [String] {
        guard !items.isEmpty else { return [head + ")"] }
        var lines = [head] + items.map { "  " + $0 }
        lines[lines.count - 1] += ")"
        return lines
    }

    static func render(_ attribute: Attribute) -> String {
        "(attr \(attribute.key.name) \(render(attribute.value)))"
    }

    static func render(_ entry: QualityEntry) -> String {
        switch entry.kind {
        case .rule(let name, let check): return "(rule \(GenStringLiteral.quote(name.value)) \(render(check)))"
        case .score(let name, let value, let modifiers):
            let extra = modifiers.map { " (\($0.kind.rawValue) \(render($0.value)))" }.joined()
            return "(score \(GenStringLiteral.quote(name.value)) \(render(value))\(extra))"
        case .dedup(let value): return "(dedup \(render(value)))"
        case .diversity(let value): return "(diversity \(render(value)))"
        }
    }

    public static func render(_ type: TypeRef) -> String {
        let arguments = type.arguments.map { " " + render($0) }.joined()
        return "(type \(type.name.name)\(arguments))\(type.isOptional ? "?" : "")"
    }

    /// One expression on one line.
    public static func render(_ expr: Expr) -> String {
        switch expr.kind {
        case .int(let value): return "(int \(value))"
        case .float(let value): return "(float \(value))"
        case .string(let string): return render(string)
        case .bool(let value): return "(bool \(value))"
        case .none: return "(none)"
        case .name(let name): return "(name \(name))"
        case .paren(let inner): return "(paren \(render(inner)))"
        case .list(let elements): return "(list" + elements.map { " " + render($0) }.joined() + ")"
        case .record(let fields):
            return "(record" + fields.map { " (\($0.isQuotedKey ? GenStringLiteral.quote($0.key) : $0.key) \(render($0.value)))" }.joined() + ")"
        case .call(let callee, let arguments):
            let rendered = arguments.map { argument in
                argument.label.map { " (named \($0.name) \(render(argument.value)))" } ?? " " + render(argument.value)
            }
            return "(call \(render(callee))\(rendered.joined()))"
        case .member(let base, let name): return "(member \(render(base)) \(name.name))"
        case .index(let base, let index): return "(index \(render(base)) \(render(index)))"
        case .unary(let op, let operand): return "(\(op.rawValue) \(render(operand)))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(render(left)) \(render(right)))"
        case .if(let condition, let then, let otherwise): return "(if \(render(condition)) \(render(then)) \(render(otherwise)))"
        case .error: return "(error)"
        }
    }

    static func render(_ string: StringExpr) -> String {
        if let plain = string.plainValue { return "(string \(GenStringLiteral.quote(plain)))" }
        let parts = string.segments.map { segment -> String in
            switch segment {
            case .text(let text, _): return " " + GenStringLiteral.quote(text)
            case .interpolation(let expr): return " (interp \(render(expr)))"
            }
        }
        return "(string" + parts.joined() + ")"
    }
}
