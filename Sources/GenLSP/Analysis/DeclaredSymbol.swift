import Foundation
import GenCore
import GenSyntax

/// A top-level declaration of a module, as hover, completion, definition, symbols and rename see it.
struct DeclaredSymbol {
    enum Kind: String {
        case constant = "let", function = "fn", model, schema, arm, spec

        /// Imports share these; arms and the spec stay in their script.
        var isExported: Bool { self != .arm && self != .spec }
    }

    let name: String
    let kind: Kind
    let nameSpan: Span
    let declaration: Declaration
    /// The `///` lines above the declaration, without their slashes.
    let documentation: String

    /// The declarations of a program that have names, in source order.
    static func all(in program: Program) -> [DeclaredSymbol] {
        program.declarations.compactMap { declaration in
            let named: (Identifier, Kind)? = switch declaration {
            case .let(let d): (d.name, .constant)
            case .fn(let d): (d.name, .function)
            case .model(let d): (d.name, .model)
            case .schema(let d): (d.name, .schema)
            case .arm(let d): (d.name, .arm)
            case .spec(let d): d.name.map { ($0, .spec) }
            default: nil
            }
            guard let (name, kind) = named else { return nil }
            return DeclaredSymbol(
                name: name.name, kind: kind, nameSpan: name.span, declaration: declaration,
                documentation: docComment(declaration.trivia))
        }
    }

    static func docComment(_ trivia: NodeTrivia) -> String {
        // Only the `///` block right above the declaration: a plain comment ends it.
        var lines: [String] = []
        for comment in trivia.leadingComments {
            if comment.hasPrefix("///") {
                lines.append(String(comment.dropFirst(3)).trimmingCharacters(in: .whitespaces))
            } else {
                lines = []
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The declaration's first line as written, e.g. `fn balanced(using: model) -> arm`.
    func signature(in source: SourceFile) -> String {
        switch declaration {
        case .fn(let d):
            let end = d.returnType?.span.end ?? d.parameters.last.map { _ in d.body.span.start } ?? d.name.span.end
            let text = source.text(of: Span(file: d.span.file, start: d.span.start, end: end))
            return text.trimmingCharacters(in: .whitespacesAndNewlines.union(["="])).trimmingCharacters(in: .whitespaces)
        case .schema(let d):
            let fields = d.body.items.map { "  " + source.text(of: $0.span) }
            return (["schema \(name) {"] + fields + ["}"]).joined(separator: "\n")
        default:
            let text = source.text(of: declaration.span)
            let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
            return firstLine
        }
    }
}
