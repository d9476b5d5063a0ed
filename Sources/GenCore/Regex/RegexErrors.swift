/// Why a pattern does not compile: what is wrong, where in the pattern, and what to write instead.
///
/// `offset` and `length` count Unicode scalars of the pattern, so a checker can point at the offending part of
/// the string literal it came from.
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var length: Int
    public var hint: String?

    public init(_ message: String, offset: Int, length: Int = 1, hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.length = max(0, length)
        self.hint = hint
    }

    public var description: String {
        "\(message) (at offset \(offset) of the pattern)" + (hint.map { "; \($0)" } ?? "")
    }
}

/// A match that needed more steps than its budget. Matching is linear in text × program size, so this only
/// happens on a huge text with a large pattern; the caller turns it into a rejection, never a hang.
public struct RegexBudgetExceeded: Error, Sendable, Equatable, CustomStringConvertible {
    public var stepBudget: Int
    /// Unicode scalars in the text that was being matched.
    public var textLength: Int

    public init(stepBudget: Int, textLength: Int) {
        self.stepBudget = stepBudget
        self.textLength = textLength
    }

    public var description: String {
        "the pattern took too long to match: over \(stepBudget) steps on a text of \(textLength) characters"
    }
}
