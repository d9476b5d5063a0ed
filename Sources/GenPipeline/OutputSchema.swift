import GenCore

/// The shape every generated sample must have: the fields of the script's `schema` block, in declaration order.
///
/// Samples are JSON objects (`JSONValue.object`); the quality layer validates them against this description.
public struct OutputSchema: Codable, Sendable, Equatable {
    public var fields: [SchemaField]

    public init(fields: [SchemaField] = []) {
        self.fields = fields
    }

    /// The field with this name, if the schema declares it.
    public func field(named name: String) -> SchemaField? {
        fields.first { $0.name == name }
    }
}

/// One declared field: `label: enum("a", "b")`, or `note?: string` when optional.
public struct SchemaField: Codable, Sendable, Equatable {
    public var name: String
    /// `?` in the script: the field may be absent (or null).
    public var isOptional: Bool
    public var type: SchemaFieldType

    public init(name: String, isOptional: Bool = false, type: SchemaFieldType) {
        self.name = name
        self.isOptional = isOptional
        self.type = type
    }
}
