import GenCore

/// One way a sample breaks its schema, with the JSON path of the offending value and a message that says
/// what was found and what was expected.
public struct SchemaIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        case notAnObject, missingField, unexpectedField, wrongType, notInEnum
        case tooShort, tooLong, patternMismatch, belowMinimum, aboveMaximum, tooFewItems, tooManyItems
        /// The pattern needed more steps than its budget on this value (only a huge value gets there).
        case patternTooSlow
    }

    public let kind: Kind
    /// JSON path of the value: `$`, `$.label`, `$.items[2].name`.
    public let path: String
    /// E.g. "field `label`: \"lost card\" is not one of lost_card, transfer_failed (did you mean `lost_card`?)".
    public let message: String

    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// The outcome of validating one sample.
public struct SchemaValidation: Sendable, Equatable {
    /// Empty when the sample is valid.
    public let issues: [SchemaIssue]
    /// The sample as it enters the dataset: unknown fields stripped, null optional fields dropped, integral
    /// floats in int fields made ints. Nil when the sample is invalid.
    public let cleaned: JSONValue?
    /// Paths of unknown fields removed under the `.strip` policy (worth logging: the prompt may need work).
    public let strippedFields: [String]

    public var isValid: Bool { issues.isEmpty }
}

/// What to do with fields the schema does not declare.
///
/// The default is `.strip`: a small model that adds `"explanation"` next to a good `text` and `label` still
/// produced a usable sample, and the dataset keeps exactly the declared columns; the stripped paths are
/// reported. `.reject` makes them a hard failure for scripts that want strict output.
public enum ExtraFieldPolicy: String, Codable, Sendable {
    case strip, reject
}
