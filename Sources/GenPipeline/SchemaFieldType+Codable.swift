/// A flat, readable encoding with a `kind` tag (`{"kind": "string", "maxLength": 240}`), so the IR diffs
/// cleanly and stays stable when cases gain constraints.
extension SchemaFieldType: Codable {
    private enum Kind: String, Codable {
        case string, int, float, bool, `enum`, list, object
    }

    private enum Keys: String, CodingKey {
        case kind
        case minLength, maxLength, pattern
        case min, max, values, element
        case minCount, maxCount, fields
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .string:
            self = .string(
                minLength: try container.decodeIfPresent(Int.self, forKey: .minLength),
                maxLength: try container.decodeIfPresent(Int.self, forKey: .maxLength),
                pattern: try container.decodeIfPresent(String.self, forKey: .pattern))
        case .int:
            self = .int(
                min: try container.decodeIfPresent(Int.self, forKey: .min),
                max: try container.decodeIfPresent(Int.self, forKey: .max))
        case .float:
            self = .float(
                min: try container.decodeIfPresent(Double.self, forKey: .min),
                max: try container.decodeIfPresent(Double.self, forKey: .max))
        case .bool:
            self = .bool
        case .enum:
            self = .enumeration(try container.decode([String].self, forKey: .values))
        case .list:
            self = .list(
                element: try container.decode(SchemaFieldType.self, forKey: .element),
                minCount: try container.decodeIfPresent(Int.self, forKey: .minCount),
                maxCount: try container.decodeIfPresent(Int.self, forKey: .maxCount))
        case .object:
            self = .object(try container.decode([SchemaField].self, forKey: .fields))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .string(let minLength, let maxLength, let pattern):
            try container.encode(Kind.string, forKey: .kind)
            try container.encodeIfPresent(minLength, forKey: .minLength)
            try container.encodeIfPresent(maxLength, forKey: .maxLength)
            try container.encodeIfPresent(pattern, forKey: .pattern)
        case .int(let min, let max):
            try container.encode(Kind.int, forKey: .kind)
            try container.encodeIfPresent(min, forKey: .min)
            try container.encodeIfPresent(max, forKey: .max)
        case .float(let min, let max):
            try container.encode(Kind.float, forKey: .kind)
            try container.encodeIfPresent(min, forKey: .min)
            try container.encodeIfPresent(max, forKey: .max)
        case .bool:
            try container.encode(Kind.bool, forKey: .kind)
        case .enumeration(let values):
            try container.encode(Kind.enum, forKey: .kind)
            try container.encode(values, forKey: .values)
        case .list(let element, let minCount, let maxCount):
            try container.encode(Kind.list, forKey: .kind)
            try container.encode(element, forKey: .element)
            try container.encodeIfPresent(minCount, forKey: .minCount)
            try container.encodeIfPresent(maxCount, forKey: .maxCount)
        case .object(let fields):
            try container.encode(Kind.object, forKey: .kind)
            try container.encode(fields, forKey: .fields)
        }
    }
}
