/// The type of a schema field with its constraints. Every bound is optional; nil means unbounded.
///
/// Lengths count characters (grapheme clusters), as a person would. A string `pattern` must match the whole
/// value (as if wrapped in `^...$`), which is also what grammar-constrained servers expect.
public indirect enum SchemaFieldType: Sendable, Equatable {
    case string(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil)
    case int(min: Int? = nil, max: Int? = nil)
    case float(min: Double? = nil, max: Double? = nil)
    case bool
    /// A string restricted to these values (`enum("lost_card", "transfer_failed")`).
    case enumeration([String])
    case list(element: SchemaFieldType, minCount: Int? = nil, maxCount: Int? = nil)
    case object([SchemaField])

    /// How the type reads in messages: `string`, `list(int)`, `enum(...)`.
    public var displayName: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .enumeration: return "enum"
        case .list(let element, _, _): return "list(\(element.displayName))"
        case .object: return "object"
        }
    }
}
