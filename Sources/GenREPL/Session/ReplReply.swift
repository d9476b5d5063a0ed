/// What the REPL answers to one submitted line.
public enum ReplReply: Sendable, Equatable {
    /// The input so far is incomplete (an unclosed brace, parenthesis, bracket or string): read another line.
    case needMoreInput
    /// Text to show the user (may be empty, e.g. for a blank line).
    case output(String)
    /// Rendered diagnostics (with carets), or another error message.
    case error(String)
    /// The user asked to leave (`:quit`).
    case quit
}
