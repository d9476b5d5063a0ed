import GenCore

/// Bounds on one evaluation, so a runaway script stops with a diagnostic instead of hanging the run.
public struct EvaluationLimits: Sendable, Equatable {
    /// Instructions one evaluation may execute (every node and every call counts one; builtins charge extra
    /// for work proportional to their input).
    public var stepBudget: Int
    /// How deep user fns may call each other. Frames live on the heap, so this bounds memory, not the native stack.
    public var maxCallDepth: Int
    /// How deeply one expression may nest. Compiling walks the tree recursively, so this keeps a pathological
    /// IR (a 100,000-term sum) from exhausting the native stack; real scripts stay far below it.
    public var maxExpressionDepth: Int
    /// Frames kept in an error's stack trace (innermost first); the rest are counted.
    public var reportedFrames: Int
    /// Steps one regular-expression match (`matches`) may take. Matching is linear, so only a huge text with a
    /// large pattern reaches it; the call then fails, which rejects the sample, instead of running on.
    public var regexStepBudget: Int

    public init(
        stepBudget: Int = 1_000_000, maxCallDepth: Int = 10_000, maxExpressionDepth: Int = 500, reportedFrames: Int = 10,
        regexStepBudget: Int = LinearRegex.defaultStepBudget
    ) {
        self.stepBudget = stepBudget
        self.maxCallDepth = maxCallDepth
        self.maxExpressionDepth = maxExpressionDepth
        self.reportedFrames = reportedFrames
        self.regexStepBudget = regexStepBudget
    }
}
