import GenCore
import GenPipeline

extension FunctionRegistry {
    /// Every builtin: strings, numbers, lists and records, and the two effects (`env`, `read_jsonl`).
    /// Hosts copy it and add their own functions: `var registry = FunctionRegistry.standard; registry.register(...)`.
    public static let standard: FunctionRegistry = {
        var registry = FunctionRegistry()
        StringBuiltins.register(into: &registry)
        NumericBuiltins.register(into: &registry)
        CollectionBuiltins.register(into: &registry)
        EnvironmentBuiltins.register(into: &registry)
        return registry
    }()
}

/// Shorthand for declaring builtin signatures compactly.
enum Declare {
    static let anyList = GenType.list(.any)
    /// Any record, including schema samples and JSONL rows.
    static let anyRecord = GenType.record(fields: [:], open: true)

    static func signature(
        _ name: String, _ parameters: [(String, GenType)], _ result: GenType, variadic: Bool = false,
        defaults: [String: JSONValue] = [:], _ summary: String
    ) -> FunctionSignature {
        FunctionSignature(
            name: name,
            parameters: parameters.map { SignatureParameter(name: $0.0, type: $0.1, defaultValue: defaults[$0.0]) },
            result: result, isVariadic: variadic, summary: summary)
    }
}
