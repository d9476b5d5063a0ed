import Foundation
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
    /// Extra steps the function charged for work proportional to its input.
    private(set) var chargedSteps = 0

    init(function: String, source: SourceRef, overload: Int, environment: any ScriptEnvironment, regexCache: RegexCache) {
        self.function = function
        self.source = source
        self.overload = overload
        self.environment = environment
        self.regexCache = regexCache
    }

    /// Counts work against the evaluation's step budget (e.g. one step per list element visited).
    public mutating func charge(steps: Int) {
        chargedSteps += max(0, steps)
    }

    /// A compiled regular expression, cached across calls and evaluations.
    public func regex(_ pattern: String) throws(RuntimeProblem) -> NSRegularExpression {
        if let cached = regexCache.expression(for: pattern) { return cached }
        do {
            let compiled = try NSRegularExpression(pattern: pattern)
            regexCache.store(compiled, for: pattern)
            return compiled
        } catch {
            throw RuntimeProblem.invalidArgument(
                function, "invalid regular expression \(GenStringLiteral.quote(pattern))",
                hint: "patterns use ICU syntax; escape special characters with \\\\ in the string")
        }
    }
}
