import GenCore

/// What `Formatter.format` produced: the canonical text, or why the file was left alone.
public enum FormatResult: Sendable, Equatable {
    /// The formatted text (possibly identical to the input).
    case formatted(String)
    /// The file has errors (syntax errors, or the formatter's own safety check failed); nothing was formatted.
    case failed([Diagnostic])

    /// The formatted text, if formatting succeeded.
    public var text: String? {
        if case .formatted(let text) = self { return text }
        return nil
    }

    /// Why formatting failed; empty on success.
    public var diagnostics: [Diagnostic] {
        if case .failed(let diagnostics) = self { return diagnostics }
        return []
    }
}
