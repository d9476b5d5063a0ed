import GenPipeline

/// The output schema in words, for the prompt: small models follow a plain list of fields better
/// than a JSON Schema dump.
public enum SchemaDescription {
    public static func lines(for schema: OutputSchema) -> [String] {
        schema.fields.map { field in
            "- \(field.name)\(field.isOptional ? " (optional)" : ""): \(describe(field.type))"
        }
    }

    static func describe(_ type: SchemaFieldType) -> String {
        switch type {
        case .string(let minLength, let maxLength, let pattern):
            var text = "text"
            switch (minLength, maxLength) {
            case let (low?, high?): text += " of \(low) to \(high) characters"
            case let (low?, nil): text += " of at least \(low) characters"
            case let (nil, high?): text += " of at most \(high) characters"
            case (nil, nil): break
            }
            if let pattern { text += " matching the pattern \(pattern)" }
            return text
        case .int(let min, let max):
            return "a whole number" + range(min.map(String.init), max.map(String.init))
        case .float(let min, let max):
            return "a number" + range(min.map { "\($0)" }, max.map { "\($0)" })
        case .bool:
            return "true or false"
        case .enumeration(let values):
            return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        case .list(let element, let minCount, let maxCount):
            var text = "a list of " + describe(element)
            if let minCount, let maxCount { text += " (\(minCount) to \(maxCount) items)" }
            else if let maxCount { text += " (at most \(maxCount) items)" }
            else if let minCount { text += " (at least \(minCount) items)" }
            return text
        case .object(let fields):
            return "an object with " + fields.map { "\($0.name): \(describe($0.type))" }.joined(separator: "; ")
        }
    }

    static func range(_ low: String?, _ high: String?) -> String {
        switch (low, high) {
        case let (low?, high?): return " from \(low) to \(high)"
        case let (low?, nil): return " of at least \(low)"
        case let (nil, high?): return " of at most \(high)"
        case (nil, nil): return ""
        }
    }
}
