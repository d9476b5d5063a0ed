/// The static type of a script value, as the checker infers it and the runtime can rely on.
public indirect enum GenType: Codable, Sendable, Hashable {
    case int
    case float
    case string
    case bool
    case none
    /// A string restricted to a set of values (a schema's `enum(...)` field).
    case enumeration([String])
    case list(GenType)
    /// A record with known fields; `open` records (JSONL rows) allow any further field typed `any`.
    case record(fields: [String: GenType], open: Bool)
    /// A sample of a declared schema (its fields come from the schema).
    case schema(String)
    case model
    case arm
    /// A value whose type is only known at run time (e.g. a field of a row read from JSONL).
    case any
    /// A `text -> label` mapping in `classify(...)`.
    case mapping(GenType, GenType)
    case range(GenType)
    case function(parameters: [GenType], result: GenType)

    /// Int and float both count as numbers; the checker uses this for arithmetic and numeric rewards.
    public var isNumeric: Bool {
        switch self {
        case .int, .float, .any: return true
        default: return false
        }
    }

    /// How the type reads in a diagnostic: `list(string)`, `enum("a", "b")`, `Intent`.
    public var displayName: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .bool: return "bool"
        case .none: return "none"
        case .enumeration(let values): return "enum(" + values.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        case .list(let element): return "list(\(element.displayName))"
        case .record(let fields, _):
            return "{" + fields.keys.sorted().map { "\($0): \(fields[$0]?.displayName ?? "any")" }.joined(separator: ", ") + "}"
        case .schema(let name): return name
        case .model: return "model"
        case .arm: return "arm"
        case .any: return "any"
        case .mapping(let from, let to): return "\(from.displayName) -> \(to.displayName)"
        case .range(let bound): return "range(\(bound.displayName))"
        case .function(let parameters, let result):
            return "fn(" + parameters.map(\.displayName).joined(separator: ", ") + ") -> " + result.displayName
        }
    }
}
