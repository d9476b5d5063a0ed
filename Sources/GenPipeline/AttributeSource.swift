import GenCore

/// A dimension of an arm's `attributes` whose values are not written in the script but come from a source
/// kind, such as `discover("the subject of the story", n: 8)`: the model proposes them once per label at run
/// start. The checker lowers such a call to a record with a `$kind` member (`{"$kind": "discover", "n": 8}`),
/// so the graph stays plain JSON and the runtime and `gen graph` read it back from here.
public struct AttributeSource: Sendable, Equatable {
    /// The member that marks a source call inside `attributes` (a `$` cannot start a label or a dimension name).
    public static let kindKey = "$kind"
    public static let discoverKind = "discover"
    /// How many values a dimension asks for when `n:` is not given, and the allowed range.
    public static let defaultCount = 6
    public static let counts = 1...50

    public var kind: String
    /// What varies, in words; nil means the dimension's name.
    public var description: String?
    public var count: Int

    public init(kind: String = AttributeSource.discoverKind, description: String?, count: Int) {
        self.kind = kind
        self.description = description
        self.count = count
    }

    /// The source a dimension's value declares, or nil for a list or a per-label record.
    public init?(_ value: JSONValue) {
        guard let members = value.objectValue, let kind = members[Self.kindKey]?.stringValue else { return nil }
        self.kind = kind
        description = members["description"]?.stringValue
        count = members["n"]?.doubleValue.map { Int($0) } ?? Self.defaultCount
    }

    /// How `gen graph` shows the dimension: `discovered per label at run start (8 values)`.
    public func summary(perLabel: Bool) -> String {
        "discovered \(perLabel ? "per label" : "once") at run start (\(count) value\(count == 1 ? "" : "s"))"
    }

    /// `attributes` with every source call replaced by its summary, for display.
    public static func displayed(_ attributes: JSONValue, perLabel: Bool) -> JSONValue {
        guard let members = attributes.objectValue else { return attributes }
        return .object(members.mapValues { AttributeSource($0).map { .string($0.summary(perLabel: perLabel)) } ?? $0 })
    }
}
