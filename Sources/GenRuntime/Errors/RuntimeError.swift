import GenPipeline

/// An error raised while evaluating a script expression: what went wrong, where, and through which calls.
///
/// A value (Equatable, Sendable) so tests compare whole errors and errors cross actors. The engine renders it
/// with the source line and a caret; `description` is the plain form `file:line:col: runtime error: message`.
public struct RuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: RuntimeProblem.Kind
    public var message: String
    /// The expression that failed (for a step-budget or recursion error: the call being made).
    public var source: SourceRef
    /// Innermost first; at most `EvaluationLimits.reportedFrames` frames, the rest counted in `omittedFrames`.
    public var stack: [StackFrame]
    public var omittedFrames: Int
    public var hint: String?

    public init(
        kind: RuntimeProblem.Kind, message: String, source: SourceRef, stack: [StackFrame] = [], omittedFrames: Int = 0,
        hint: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.source = source
        self.stack = stack
        self.omittedFrames = omittedFrames
        self.hint = hint
    }

    /// An error for a problem at a place, without a stack (used before any frame exists).
    public init(_ problem: RuntimeProblem, at source: SourceRef) {
        self.init(kind: problem.kind, message: problem.message, source: source, hint: problem.hint)
    }

    public var description: String {
        var lines = ["\(source.description): runtime error: \(message)"]
        lines += stack.map { "  \($0.description)" }
        if omittedFrames > 0 { lines.append("  ... \(omittedFrames) more frame\(omittedFrames == 1 ? "" : "s")") }
        if let hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }
}

/// One active evaluation context: a user fn or the top-level expression (`rule "schema"`, `reward`).
public struct StackFrame: Sendable, Equatable, CustomStringConvertible {
    /// `fn short`, `rule "no card number"`, `reward`.
    public var context: String
    /// Where evaluation was in that context: the failing expression for the innermost frame, the call in
    /// progress for the others.
    public var location: SourceRef

    public init(context: String, location: SourceRef) {
        self.context = context
        self.location = location
    }

    public var description: String { "in \(context) at \(location.description)" }
}
