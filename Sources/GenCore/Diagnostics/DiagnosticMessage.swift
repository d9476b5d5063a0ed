/// The stable identifier of a catalogue message, derived from the `Messages` member name.
public struct MessageID: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// `unknownEscape(_:)` (what `#function` yields for a static func) becomes `unknownEscape`.
    public init(member: String) {
        self.rawValue = String(member.prefix { $0 != "(" })
    }

    public var description: String { rawValue }
}

/// A message from the catalogue: id, wording, default severity and an optional standard hint.
public struct DiagnosticMessage: Sendable, Hashable {
    public let id: MessageID
    public let text: String
    public let severity: Severity
    public let hint: String?

    /// Use from inside a `Messages` member; the id is taken from the member's name.
    public init(_ text: String, severity: Severity = .error, hint: String? = nil, member: String = #function) {
        self.id = MessageID(member: member)
        self.text = text
        self.severity = severity
        self.hint = hint
    }
}

/// The one catalogue of every diagnostic message in Gen.
///
/// Each layer adds an extension in its own file (`Messages+Syntax.swift` in GenSyntax, `Messages+Semantics.swift`
/// in GenSemantics, ...), with members kept in alphabetical order. A member is a `static func` (or `static var`)
/// returning `DiagnosticMessage(...)`; its name becomes the message id, so wording lives in one place and tests
/// can refer to messages by id.
public enum Messages {}
