/// A value bound to or read from SQLite, one case per storage class.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension SQLValue {
    /// An integer column value from a Swift `Int`.
    public static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }
    /// 1 or 0: SQLite has no boolean storage class.
    public static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
    /// Text, or NULL when the optional is nil.
    public static func optionalText(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    /// A real, or NULL when the optional is nil.
    public static func optionalReal(_ value: Double?) -> SQLValue { value.map(SQLValue.real) ?? .null }
}
