/// What went wrong, before it is placed at an expression: thrown by builtins and host functions (and used by the
/// interpreter itself), then turned into a `RuntimeError` with the call's source and the call stack.
public struct RuntimeProblem: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case typeMismatch
        case arithmeticOverflow
        case divisionByZero
        case indexOutOfRange
        case missingField
        case unknownName
        case invalidArgument
        case stepBudgetExceeded
        /// A regular-expression match needed more than `EvaluationLimits.regexStepBudget` steps.
        case regexBudgetExceeded
        case recursionLimitExceeded
        case fileAccess
        case invalidData
        case environment
        case hostFunction
        case invalidResult
    }

    public var kind: Kind
    public var message: String
    public var hint: String?

    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }
}
