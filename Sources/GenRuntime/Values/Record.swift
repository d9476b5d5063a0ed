/// A record value: named fields in a stable order.
///
/// Fields are kept in an array, not a dictionary: records are small (a schema's fields, a JSONL row), a linear
/// scan beats hashing at that size, and order is kept for printing. Equality ignores order, as records are maps.
public struct Record: Sendable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: Value

        public init(name: String, value: Value) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init() {
        fields = []
    }

    /// Builds a record in the given order; a repeated name keeps its first position and its last value.
    public init(_ fields: [Field]) {
        self.fields = []
        self.fields.reserveCapacity(fields.count)
        for field in fields { set(field.name, to: field.value) }
    }

    /// Builds a record from fields whose names are known to be distinct (JSON objects), skipping the check.
    init(distinctFields fields: [Field]) {
        self.fields = fields
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
    public var names: [String] { fields.map(\.name) }

    /// The value of a field, or nil when the record has no field of that name.
    public subscript(name: String) -> Value? {
        for field in fields where field.name == name { return field.value }
        return nil
    }

    /// Sets a field, replacing its value in place when it exists and appending it otherwise.
    public mutating func set(_ name: String, to value: Value) {
        if let position = fields.firstIndex(where: { $0.name == name }) {
            fields[position].value = value
        } else {
            fields.append(Field(name: name, value: value))
        }
    }
}

extension Record: Equatable {
    public static func == (lhs: Record, rhs: Record) -> Bool {
        guard lhs.fields.count == rhs.fields.count else { return false }
        for field in lhs.fields where rhs[field.name] != field.value { return false }
        return true
    }
}

extension Record: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements.map { Field(name: $0.0, value: $0.1) })
    }
}
