import GenCore
import GenPipeline

extension Value {
    /// A value from JSON: objects become records with their keys sorted (JSON objects have no order to keep,
    /// and sorting makes every run see the same field order).
    public init(json: JSONValue) {
        switch json {
        case .null: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let whole): self = .int(whole)
        case .double(let number): self = .float(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(items.map(Value.init(json:)))
        case .object(let members):
            self = .record(Record(distinctFields: members.keys.sorted().map { Record.Field(name: $0, value: Value(json: members[$0] ?? .null)) }))
        }
    }

    /// The value as JSON. Opaque values become tagged objects so nothing is silently dropped:
    /// a model `{"model": name}`, an arm `{"arm": kind, "model": name, "parameters": {...}}`,
    /// a range `{"lower": l, "upper": u, "inclusive": b}`.
    public var jsonValue: JSONValue {
        switch self {
        case .int(let whole): return .int(whole)
        case .float(let number): return .double(number)
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .none: return .null
        case .list(let items): return .array(items.map(\.jsonValue))
        case .record(let record): return record.jsonValue
        case .range(let range):
            return .object(["lower": range.lower.jsonValue, "upper": range.upper.jsonValue, "inclusive": .bool(range.inclusive)])
        case .model(let name): return .object(["model": .string(name)])
        case .arm(let arm):
            return .object([
                "arm": .string(arm.kind), "model": arm.model.map(JSONValue.string) ?? .null,
                "parameters": arm.parameters.jsonValue,
            ])
        }
    }

    /// The value with ints turned into floats wherever the static type says float (a JSON `2.0` may decode
    /// as the int 2; a `float` constant must still behave as a float).
    public func promoted(to type: GenType) -> Value {
        switch (self, type) {
        case (.int(let whole), .float): return .float(Double(whole))
        case (.list(let items), .list(let element)) where element.containsFloat:
            return .list(items.map { $0.promoted(to: element) })
        case (.record(var record), .record(let fields, _)) where fields.values.contains(where: \.containsFloat):
            for field in record.fields {
                if let fieldType = fields[field.name] { record.set(field.name, to: field.value.promoted(to: fieldType)) }
            }
            return .record(record)
        default: return self
        }
    }
}

extension Record {
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        for field in fields { members[field.name] = field.value.jsonValue }
        return .object(members)
    }
}

extension GenType {
    /// Whether promotion to float can change anything inside a value of this type.
    var containsFloat: Bool {
        switch self {
        case .float: return true
        case .list(let element): return element.containsFloat
        case .record(let fields, _): return fields.values.contains(where: \.containsFloat)
        default: return false
        }
    }
}
