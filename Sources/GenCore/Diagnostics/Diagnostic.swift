/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary span shown under its source line with a label, e.g. "unclosed `{` opened here".
public struct DiagnosticLabel: Sendable, Hashable {
    public let span: Span
    public let text: String

    public init(_ text: String, at span: Span) {
        self.span = span
        self.text = text
    }
}

/// An extra remark rendered as `= note: ...`, optionally pointing at another place.
public struct DiagnosticNote: Sendable, Hashable {
    public let text: String
    public let span: Span?

    public init(_ text: String, at span: Span? = nil) {
        self.text = text
        self.span = span
    }
}

/// A suggested edit: replace the text of `span` with `replacement` (an empty span inserts).
public struct FixIt: Sendable, Hashable {
    public let span: Span
    public let replacement: String

    public init(replacing span: Span, with replacement: String) {
        self.span = span
        self.replacement = replacement
    }

    public static func insert(_ text: String, at span: Span) -> FixIt {
        FixIt(replacing: span.startPoint, with: text)
    }

    public static func remove(_ span: Span) -> FixIt {
        FixIt(replacing: span, with: "")
    }
}

/// One problem found in a source: what (catalogue message), where (primary span), and how to fix it.
///
/// A value type compared as a whole, so tests can assert complete diagnostics.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    /// Stable id from the message catalogue (`Messages`), e.g. `unterminatedString`.
    public var id: MessageID
    public var message: String
    /// Where the problem is; rendered with `^` carets.
    public var span: Span
    /// Optional text printed after the carets.
    public var label: String?
    /// Other places involved, rendered with `-` underlines and their labels.
    public var secondary: [DiagnosticLabel]
    public var notes: [DiagnosticNote]
    public var hint: String?
    public var fixIt: FixIt?

    public init(
        _ message: DiagnosticMessage, at span: Span, label: String? = nil,
        secondary: [DiagnosticLabel] = [], notes: [DiagnosticNote] = [], hint: String? = nil, fixIt: FixIt? = nil
    ) {
        self.severity = message.severity
        self.id = message.id
        self.message = message.text
        self.span = span
        self.label = label
        self.secondary = secondary
        self.notes = notes
        self.hint = hint ?? message.hint
        self.fixIt = fixIt
    }

    /// Sorts diagnostics by file and position, keeping the original order for ties.
    public static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.span, b.element.span)
            if x.file != y.file { return x.file < y.file }
            if x.start != y.start { return x.start < y.start }
            return a.offset < b.offset
        }.map(\.element)
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
