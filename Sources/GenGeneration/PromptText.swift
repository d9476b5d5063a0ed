import Foundation

/// An arm's own prompt text with `{name}` placeholders filled per slot: `{label}` (the target label),
/// `{label_field}`, `{domain}` and each attribute's name. `{{` and `}}` write a literal brace.
public struct PromptText: Sendable, Equatable {
    public let source: String

    public init(_ source: String) {
        self.source = source
    }

    /// `text` with its braces doubled, so it renders as written (a sample's JSON used as an instruction).
    public static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }

    /// The placeholders the text uses, in order of first use.
    public var placeholders: [String] {
        var names: [String] = []
        forEachPart { part in
            if case .placeholder(let name) = part, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Unbalanced braces and placeholders that are not in `known`.
    public func problems(known: [String], parameter: String) -> [String] {
        var problems: [String] = []
        forEachPart { part in
            switch part {
            case .placeholder(let name) where !known.contains(name):
                problems.append("`\(parameter)` uses {\(name)}, which is not known here; known: " + known.map { "{\($0)}" }.joined(separator: ", "))
            case .unbalanced:
                problems.append("`\(parameter)` has an unbalanced brace; write {{ or }} for a literal one")
            default:
                break
            }
        }
        return problems
    }

    /// The text with every known placeholder replaced; an unknown one is left as written.
    public func render(_ values: [String: String]) -> String {
        var output = ""
        forEachPart { part in
            switch part {
            case .literal(let text): output += text
            case .placeholder(let name): output += values[name] ?? "{\(name)}"
            case .unbalanced(let brace): output.append(brace)
            }
        }
        return output
    }

    enum Part {
        case literal(String)
        case placeholder(String)
        case unbalanced(Character)
    }

    private func forEachPart(_ body: (Part) -> Void) {
        var characters = Substring(source)
        var literal = ""
        while let first = characters.first {
            characters = characters.dropFirst()
            if first == "{" && characters.first == "{" || first == "}" && characters.first == "}" {
                literal.append(first)
                characters = characters.dropFirst()
            } else if first == "{" {
                guard let close = characters.firstIndex(of: "}"), !characters[..<close].contains("{") else {
                    body(.literal(literal)); literal = ""
                    body(.unbalanced(first))
                    continue
                }
                body(.literal(literal)); literal = ""
                body(.placeholder(String(characters[..<close]).trimmingCharacters(in: .whitespaces)))
                characters = characters[characters.index(after: close)...]
            } else if first == "}" {
                body(.literal(literal)); literal = ""
                body(.unbalanced(first))
            } else {
                literal.append(first)
            }
        }
        body(.literal(literal))
    }
}
