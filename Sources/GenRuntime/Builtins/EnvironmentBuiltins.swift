import Foundation
import GenCore
import GenPipeline

/// The builtins with effects (variables and files), all through the injected `ScriptEnvironment`.
enum EnvironmentBuiltins {
    static func register(into registry: inout FunctionRegistry) {
        typealias D = Declare
        registerVariable("env", isPublic: false, into: &registry, summary: (
            "An environment variable, treated as a secret: redacted from every output and never sent in a prompt; an error when it is not set (an http(s) URL is an endpoint and is shown).",
            "An environment variable treated as a secret (see env(name)), or the default when it is not set."))
        registerVariable("public_env", isPublic: true, into: &registry, summary: (
            "An environment variable the script may send to the model and show in its files; an error when it is not set.",
            "An environment variable the script may send to the model and show, or the default when it is not set."))
        registry.register(
            signature: D.signature(
                "read_jsonl", [("path", .string)], .list(D.anyRecord),
                "The rows of a JSON Lines file (one object per line), relative to the script, inside its project.")
        ) { arguments, context in
            let path = try arguments.argument(0, of: "read_jsonl").string("read_jsonl", "path")
            let text = try context.environment.readText(at: path)
            let rows = try JSONLReader.records(in: text, path: path)
            context.charge(steps: rows.count)
            return .list(rows)
        }
        registerLines(into: &registry)
    }

    /// `read_lines("tones.txt")`: a file's lines as strings (attribute values from a file), trimmed; blank lines
    /// and lines starting with `#` are skipped.
    static func registerLines(into registry: inout FunctionRegistry) {
        registry.register(
            signature: Declare.signature(
                "read_lines", [("path", .string)], .list(.string),
                "The non-blank lines of a text file, trimmed (# starts a comment line), relative to the script, inside its project.")
        ) { arguments, context in
            let path = try arguments.argument(0, of: "read_lines").string("read_lines", "path")
            let lines = try context.environment.readText(at: path).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            context.charge(steps: lines.count)
            return .list(lines.map { .string($0) })
        }
    }

    /// `env` and `public_env`: the same lookup, recorded with whether the script declared the value public.
    static func registerVariable(
        _ function: String, isPublic: Bool, into registry: inout FunctionRegistry, summary: (String, String)
    ) {
        typealias D = Declare
        registry.register(
            overloads: [
                D.signature(function, [("name", .string)], .string, summary.0),
                D.signature(function, [("name", .string), ("default", .string)], .string, summary.1),
            ]
        ) { arguments, context in
            let name = try arguments.argument(0, of: function).string(function, "name")
            guard !name.isEmpty else { throw RuntimeProblem.invalidArgument(function, "the variable name is empty") }
            if let value = context.environment.read(variable: name, isPublic: isPublic, at: context.source) { return .string(value) }
            if arguments.count >= 2 { return .string(try arguments[1].string(function, "default")) }
            throw RuntimeProblem(
                .environment, "the environment variable \(name) is not set",
                hint: "set it, or give a default: \(function)(\(GenStringLiteral.quote(name)), \"...\")")
        }
    }
}
