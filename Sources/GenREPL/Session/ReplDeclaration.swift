import GenCore
import GenSyntax

/// One declaration the session holds: what it is called, which earlier declarations it replaces, and where its
/// text lies in its entry (so a later declaration of the same name can blank it out).
struct ReplDeclaration: Sendable, Equatable {
    /// `let`, `fn`, `model`, `schema`, `spec`, `arm`, `router`, `quality`, `reward`, `evaluate` or `import`.
    let kind: String
    /// The declared name; nil for the single blocks (`router`, `quality`, `reward`, `evaluate`).
    let name: String?
    /// Declarations sharing a key replace each other: one namespace for names, one slot per single block.
    let keys: Set<String>
    /// The declaration's bytes in its entry.
    let span: Span
    /// A one-line description for `:env` and the answer to a declaration (a `let`'s value is added later).
    let summary: String

    init(_ declaration: Declaration, in source: SourceFile) {
        func text(_ span: Span) -> String { ReplDeclaration.oneLine(source.text(of: span)) }
        span = declaration.span
        switch declaration {
        case .import(let d):
            kind = "import"
            name = d.alias?.name
            keys = Set(["import \(d.path)"] + (d.alias.map { ["name \($0.name)"] } ?? []))
            summary = text(d.span)
        case .let(let d):
            (kind, name, keys) = ("let", d.name.name, ["name \(d.name.name)"])
            summary = "let \(d.name.name)"
        case .fn(let d):
            (kind, name, keys) = ("fn", d.name.name, ["name \(d.name.name)"])
            let parameters = d.parameters.map { parameter in
                parameter.name.name + (parameter.type.map { ": " + text($0.span) } ?? "")
                    + (parameter.defaultValue.map { " = " + text($0.span) } ?? "")
            }
            summary = "fn \(d.name.name)(\(parameters.joined(separator: ", ")))" + (d.returnType.map { " -> " + text($0.span) } ?? "")
        case .model(let d), .arm(let d):
            let word = if case .model = declaration { "model" } else { "arm" }
            (kind, name, keys) = (word, d.name.name, ["name \(d.name.name)"])
            summary = "\(word) \(d.name.name) = \(ReplDeclaration.shortened(text(d.value.span)))"
        case .schema(let d):
            (kind, name, keys) = ("schema", d.name.name, ["name \(d.name.name)"])
            let fields = d.body.items.map { $0.name.name + ($0.isOptional ? "?" : "") }
            summary = "schema \(d.name.name) " + ReplDeclaration.braced(fields)
        case .spec(let d):
            kind = "spec"
            name = d.name?.name
            keys = Set(["block spec"] + (d.name.map { ["name \($0.name)"] } ?? []))
            summary = "spec \(d.name?.name ?? "") " + ReplDeclaration.braced(d.body.items.map(\.key.name))
        case .evaluate(let d):
            (kind, name, keys) = ("evaluate", nil, ["block evaluate"])
            summary = "evaluate " + ReplDeclaration.braced(d.body.items.map(\.key.name))
        case .expect(let d):
            (kind, name, keys) = ("expect", nil, ["block expect"])
            summary = "expect " + ReplDeclaration.braced(d.body.items.map(\.key.name))
        case .router(let d):
            (kind, name, keys) = ("router", nil, ["block router"])
            summary = "router \(ReplDeclaration.shortened(text(d.value.span)))"
        case .reward(let d):
            (kind, name, keys) = ("reward", nil, ["block reward"])
            summary = "reward = \(ReplDeclaration.shortened(text(d.value.span)))"
        case .quality(let d):
            (kind, name, keys) = ("quality", nil, ["block quality"])
            let count = d.body.items.count
            summary = "quality { \(count) \(count == 1 ? "entry" : "entries") }"
        }
    }

    /// How messages name it: `` `x` `` or `` `router` ``.
    var displayName: String { "`\(name ?? kind)`" }

    /// `{ a, b }`, or `{}`.
    static func braced(_ names: [String]) -> String {
        names.isEmpty ? "{}" : "{ " + names.joined(separator: ", ") + " }"
    }

    /// Whitespace runs (newlines included) become one space, so a multi-line expression fits on a line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// At most `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, limit: Int = 72) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
