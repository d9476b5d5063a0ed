import GenCore

/// The two ways OpenAI-compatible servers accept a JSON Schema for structured output.
public enum StructuredOutputDialect: String, Sendable, Hashable, Codable, CaseIterable {
    /// OpenAI (and vLLM): `{"type": "json_schema", "json_schema": {"name": ..., "schema": ...}}`.
    case jsonSchema = "json_schema"
    /// llama.cpp / llama-cpp-python (and vLLM): `{"type": "json_object", "schema": ...}`.
    case jsonObjectWithSchema = "json_object"

    /// The `response_format` value carrying `schema` in this dialect.
    func responseFormat(schema: JSONValue, name: String) -> JSONValue {
        switch self {
        case .jsonSchema:
            return .object(["type": .string("json_schema"),
                            "json_schema": .object(["name": .string(name), "schema": schema])])
        case .jsonObjectWithSchema:
            return .object(["type": .string("json_object"), "schema": schema])
        }
    }

    /// The other dialect, tried when a server rejects this one.
    var alternative: StructuredOutputDialect {
        self == .jsonSchema ? .jsonObjectWithSchema : .jsonSchema
    }
}

/// How the client picks a structured-output dialect.
public enum StructuredOutputSetting: Sendable, Hashable {
    /// Try OpenAI's form first; when the server rejects `response_format`, switch and remember per endpoint.
    case automatic
    /// Always send this form (for a server known to misreport errors).
    case fixed(StructuredOutputDialect)
}
