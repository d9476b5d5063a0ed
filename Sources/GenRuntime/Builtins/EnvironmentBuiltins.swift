import GenCore
import GenPipeline

/// The two builtins with effects, both through the injected `ScriptEnvironment`.
enum EnvironmentBuiltins {
    static func register(into registry: inout FunctionRegistry) {
        typealias D = Declare
        registry.register(
            overloads: [
                D.signature("env", [("name", .string)], .string, "An environment variable; an error when it is not set."),
                D.signature(
                    "env", [("name", .string), ("default", .string)], .string,
                    "An environment variable, or the default when it is not set."),
            ]
        ) { arguments, context in
            let name = try arguments.argument(0, of: "env").string("env", "name")
            guard !name.isEmpty else { throw RuntimeProblem.invalidArgument("env", "the variable name is empty") }
            if let value = context.environment.variable(named: name) { return .string(value) }
            if arguments.count >= 2 { return .string(try arguments[1].string("env", "default")) }
            throw RuntimeProblem(
                .environment, "the environment variable \(name) is not set",
                hint: "set it, or give a default: env(\(GenStringLiteral.quote(name)), \"...\")")
        }
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
    }
}
