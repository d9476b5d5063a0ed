import GenCore

/// A script value at run time.
///
/// Ints and floats stay apart (`7 % 2` is an int, `7 / 2` a float), records keep their field order, and the
/// opaque cases (`model`, `arm`, `range`) carry what the pipeline needs without exposing it to arithmetic.
public enum Value: Sendable, Equatable {
    case int(Int)
    case float(Double)
    case string(String)
    case bool(Bool)
    case none
    case list([Value])
    case record(Record)
    /// `lower..upper` or `lower..<upper`; the bounds are numbers. Indirect to keep `Value` small.
    indirect case range(RangeValue)
    /// A declared `model`, by name.
    case model(String)
    /// A generation strategy built by an arm constructor (`naive(...)`, `template(...)`).
    indirect case arm(ArmValue)

    /// The type's name as scripts and messages spell it.
    public var typeName: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .bool: return "bool"
        case .none: return "none"
        case .list: return "list"
        case .record: return "record"
        case .range: return "range"
        case .model: return "model"
        case .arm: return "arm"
        }
    }

    /// The type name with its article, for messages: `an int`, `a string`, `none`.
    public var typeWithArticle: String {
        switch self {
        case .none: return "none"
        case .int, .arm: return "an \(typeName)"
        default: return "a \(typeName)"
        }
    }

    /// The numeric value of an int or a float.
    public var numberValue: Double? {
        switch self {
        case .int(let whole): return Double(whole)
        case .float(let number): return number
        default: return nil
        }
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

/// The bounds of a range value. Bounds are ints or floats; a range whose lower bound exceeds its upper is empty.
public struct RangeValue: Sendable, Equatable {
    public var lower: Value
    public var upper: Value
    public var inclusive: Bool

    public init(lower: Value, upper: Value, inclusive: Bool) {
        self.lower = lower
        self.upper = upper
        self.inclusive = inclusive
    }

    /// Whether a number lies in the range (ints and floats compare by value).
    public func contains(_ number: Double) -> Bool {
        guard let low = lower.numberValue, let high = upper.numberValue else { return false }
        return inclusive ? (low <= number && number <= high) : (low <= number && number < high)
    }
}

/// An arm as a value: which arm kind builds it, its model and its checked parameters.
/// Opaque to scripts: they pass arms around but cannot compute with them.
public struct ArmValue: Sendable, Equatable {
    public var kind: String
    public var model: String?
    public var parameters: Record

    public init(kind: String, model: String?, parameters: Record) {
        self.kind = kind
        self.model = model
        self.parameters = parameters
    }
}
