import Foundation
import GenPipeline

/// Text builtins. Lengths count characters (grapheme clusters), as a reader would.
enum StringBuiltins {
    static func register(into registry: inout FunctionRegistry) {
        typealias D = Declare
        registry.register(
            overloads: [
                D.signature("len", [("text", .string)], .int, "The number of characters in a string."),
                D.signature("len", [("items", D.anyList)], .int, "The number of elements in a list."),
            ]
        ) { arguments, context in
            switch try arguments.argument(0, of: "len") {
            case .string(let text):
                context.charge(steps: text.utf8.count / 64)
                return .int(text.count)
            case .list(let items): return .int(items.count)
            case let other: throw RuntimeProblem.argument("len", "text", expected: "a string or a list", got: other)
            }
        }
        registerTransform("lower", "The string in lower case.") { $0.lowercased() }
        registerTransform("upper", "The string in upper case.") { $0.uppercased() }
        registerTransform("trim", "The string without leading and trailing whitespace.") {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        registry.register(
            signature: D.signature("words", [("text", .string)], .list(.string), "The whitespace-separated words of a string.")
        ) { arguments, _ in
            let text = try arguments.argument(0, of: "words").string("words", "text")
            return .list(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
        }
        registerPredicate("starts_with", "prefix", "Whether the string begins with the prefix.") { $0.hasPrefix($1) }
        registerPredicate("ends_with", "suffix", "Whether the string ends with the suffix.") { $0.hasSuffix($1) }
        registry.register(
            signature: D.signature(
                "split", [("text", .string), ("separator", .string)], .list(.string),
                "The parts of a string between occurrences of the separator (empty parts kept).")
        ) { arguments, _ in
            let text = try arguments.argument(0, of: "split").string("split", "text")
            let separator = try arguments.argument(1, of: "split").string("split", "separator")
            guard !separator.isEmpty else { throw RuntimeProblem.invalidArgument("split", "the separator is empty") }
            return .list(text.components(separatedBy: separator).map(Value.string))
        }
        registry.register(
            signature: D.signature(
                "join", [("items", .list(.string)), ("separator", .string)], .string, defaults: ["separator": .string("")],
                "The strings of a list joined with the separator between them.")
        ) { arguments, context in
            let items = try arguments.argument(0, of: "join").list("join", "items")
            let separator = try arguments.argument(1, of: "join").string("join", "separator")
            context.charge(steps: items.count)
            var parts: [String] = []
            parts.reserveCapacity(items.count)
            for (position, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw RuntimeProblem(
                        .typeMismatch, "`join`: element \(position) is \(item.typeName) \(item.literalText), not a string",
                        hint: "interpolate non-strings first: \"\\(x)\"")
                }
                parts.append(text)
            }
            return .string(parts.joined(separator: separator))
        }
        registry.register(
            signature: D.signature(
                "replace", [("text", .string), ("old", .string), ("new", .string)], .string,
                "The string with every occurrence of `old` replaced by `new`.")
        ) { arguments, _ in
            let text = try arguments.argument(0, of: "replace").string("replace", "text")
            let old = try arguments.argument(1, of: "replace").string("replace", "old")
            let new = try arguments.argument(2, of: "replace").string("replace", "new")
            guard !old.isEmpty else { throw RuntimeProblem.invalidArgument("replace", "the text to replace is empty") }
            return .string(text.replacingOccurrences(of: old, with: new))
        }
        registry.register(
            signature: D.signature(
                "matches", [("text", .string), ("pattern", .string)], .bool,
                "Whether the regular expression matches somewhere in the string (ICU-style syntax, linear time: "
                    + "no lookaround or backreferences).")
        ) { arguments, context in
            let text = try arguments.argument(0, of: "matches").string("matches", "text")
            let pattern = try arguments.argument(1, of: "matches").string("matches", "pattern")
            context.charge(steps: text.utf8.count / 64)
            return .bool(try context.regexOccurs(pattern, in: text))
        }

        func registerTransform(_ name: String, _ summary: String, _ transform: @escaping @Sendable (String) -> String) {
            registry.register(signature: D.signature(name, [("text", .string)], .string, summary)) { arguments, context in
                let text = try arguments.argument(0, of: name).string(name, "text")
                context.charge(steps: text.utf8.count / 64)
                return .string(transform(text))
            }
        }

        func registerPredicate(
            _ name: String, _ second: String, _ summary: String, _ test: @escaping @Sendable (String, String) -> Bool
        ) {
            registry.register(signature: D.signature(name, [("text", .string), (second, .string)], .bool, summary)) {
                arguments, _ in
                let text = try arguments.argument(0, of: name).string(name, "text")
                let other = try arguments.argument(1, of: name).string(name, second)
                return .bool(test(text, other))
            }
        }
    }
}
