import GenCore
import GenPipeline

/// Derives the JSON Schema a server uses to constrain its output from the script's output schema, so
/// grammar-constrained servers can only write samples of the right shape.
public enum StructuredOutput {
    public static func jsonSchema(for schema: OutputSchema) -> JSONValue {
        objectSchema(schema.fields)
    }

    /// A JSON array of samples, for arms that ask for several samples per call.
    public static func jsonSchema(forListOf schema: OutputSchema, count: Int) -> JSONValue {
        .object([
            "type": .string("array"),
            "items": objectSchema(schema.fields),
            "minItems": .int(count),
            "maxItems": .int(count),
        ])
    }

    static func objectSchema(_ fields: [SchemaField]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields { properties[field.name] = typeSchema(field.type) }
        return .object([
            "type": .string("object"),
            "properties": .object(properties),
            "required": .array(fields.filter { !$0.isOptional }.map { .string($0.name) }),
            "additionalProperties": .bool(false),
        ])
    }

    static func typeSchema(_ type: SchemaFieldType) -> JSONValue {
        var schema: [String: JSONValue] = [:]
        switch type {
        case .string(let minLength, let maxLength, let pattern):
            schema["type"] = .string("string")
            if let minLength { schema["minLength"] = .int(minLength) }
            if let maxLength { schema["maxLength"] = .int(maxLength) }
            if let pattern { schema["pattern"] = .string("^(?:" + pattern + ")$") }
        case .int(let min, let max):
            schema["type"] = .string("integer")
            if let min { schema["minimum"] = .int(min) }
            if let max { schema["maximum"] = .int(max) }
        case .float(let min, let max):
            schema["type"] = .string("number")
            if let min { schema["minimum"] = .double(min) }
            if let max { schema["maximum"] = .double(max) }
        case .bool:
            schema["type"] = .string("boolean")
        case .enumeration(let values):
            schema["type"] = .string("string")
            schema["enum"] = .array(values.map { .string($0) })
        case .list(let element, let minCount, let maxCount):
            schema["type"] = .string("array")
            schema["items"] = typeSchema(element)
            if let minCount { schema["minItems"] = .int(minCount) }
            if let maxCount { schema["maxItems"] = .int(maxCount) }
        case .object(let fields):
            return objectSchema(fields)
        }
        return .object(schema)
    }
}
