import GenCore
import GenPipeline

/// What a builtin or host function may use besides its arguments: the call's place, the matched overload,
/// the script's environment (the only door to variables and files) and a regex cache.
public struct CallContext {
    /// The function's registered name.
    public let function: String
    /// The call expression, for hosts that build their own errors.
    public let source: SourceRef
    /// Index of the overload whose parameter shapes the arguments matched.
    public let overload: Int
    public let environment: any ScriptEnvironment
    let regexCache: RegexCache
    /// Steps one regex match may take (`EvaluationLimits.regexStepBudget`).
    public let regexStepBudget: Int
    /// Extra steps the function charged for work proportional to its input.
    private(set) var chargedSteps = 0

    init(
        function: String, source: SourceRef, overload: Int, environment: any ScriptEnvironment, regexCache: RegexCache,
        regexStepBudget: Int = LinearRegex.defaultStepBudget
    ) {
        self.function = function
        self.source = source
        self.overload = overload
        self.environment = environment
        self.regexCache = regexCache
        self.regexStepBudget = regexStepBudget
    }

    /// Counts work against the evaluation's step budget (e.g. one step per list element visited).
    public mutating func charge(steps: Int) {
        chargedSteps += max(0, steps)
    }

    /// A compiled regular expression, cached across calls and evaluations.
    public func regex(_ pattern: String) throws(RuntimeProblem) -> LinearRegex {
        if let cached = regexCache.expression(for: pattern) { return cached }
        do {
            let compiled = try LinearRegex(pattern)
            regexCache.store(compiled, for: pattern)
            return compiled
        } catch {
            throw RuntimeProblem.invalidRegex(function, pattern, error)
        }
    }

    /// Whether the pattern matches somewhere in the text, within the regex step budget: a match that needs
    /// more fails with `regexBudgetExceeded`, so a rule rejects the sample rather than running on.
    public func regexOccurs(_ pattern: String, in text: String) throws(RuntimeProblem) -> Bool {
        let expression = try regex(pattern)
        do {
            return try expression.occurs(in: text, stepBudget: regexStepBudget)
        } catch {
            throw RuntimeProblem.regexBudget(function, error)
        }
    }
}
