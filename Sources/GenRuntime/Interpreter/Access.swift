/// Member access (`a.b`) and indexing (`a[i]`).
enum Access {
    static func member(_ name: String, of base: Value) throws(RuntimeProblem) -> Value {
        guard case .record(let record) = base else { throw RuntimeProblem.fieldOfNonRecord(name, base) }
        guard let value = record[name] else { throw RuntimeProblem.missingField(name, available: record.names) }
        return value
    }

    /// Lists and strings take an int index from 0 (a string yields its character as a string); records take a
    /// field name. Negative indices are errors, not counts from the end, so an off-by-one never reads silently.
    static func element(_ index: Value, of container: Value) throws(RuntimeProblem) -> Value {
        switch (container, index) {
        case (.list(let items), .int(let position)):
            guard items.indices.contains(position) else {
                throw RuntimeProblem.indexOutOfRange(position, length: items.count, of: "list")
            }
            return items[position]
        case (.string(let text), .int(let position)):
            guard position >= 0, let character = text.dropFirst(position).first else {
                throw RuntimeProblem.indexOutOfRange(position, length: text.count, of: "string")
            }
            return .string(String(character))
        case (.record, .string(let name)):
            return try member(name, of: container)
        default:
            throw RuntimeProblem.indexType(container, index)
        }
    }
}
