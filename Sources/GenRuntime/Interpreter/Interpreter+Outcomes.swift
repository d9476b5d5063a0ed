import GenPipeline

/// A number the run loop needs in [0, 1] (a score or the reward), with what the script actually produced.
///
/// Decision: out-of-range values are clamped, not fatal, because a run should not die at sample 350 over a
/// weight that sums to 1.05; `wasClamped` lets the run report say so, and `raw` keeps the original.
public struct UnitScore: Sendable, Equatable {
    public let value: Double
    public let raw: Double
    public var wasClamped: Bool { value != raw }

    public init(raw: Double) {
        self.raw = raw
        self.value = Swift.min(1, Swift.max(0, raw))
    }
}

extension Value {
    /// A rule's verdict: the value must be a bool (never truthy/falsy conversions).
    public func ruleVerdict(context: String, at source: SourceRef) throws(RuntimeError) -> Bool {
        guard case .bool(let verdict) = self else {
            throw RuntimeError(.outcome(context, expected: "a bool", got: self), at: source)
        }
        return verdict
    }

    /// A score or reward in [0, 1]: the value must be a finite number; it is clamped (see `UnitScore`).
    public func unitScore(context: String, at source: SourceRef) throws(RuntimeError) -> UnitScore {
        guard let number = numberValue, number.isFinite else {
            throw RuntimeError(.outcome(context, expected: "a number", got: self), at: source)
        }
        return UnitScore(raw: number)
    }
}

extension Interpreter {
    /// Evaluates a `rule`: true keeps the sample.
    public func evaluateRule(_ rule: CompiledExpression, bindings: [Value], modelCheckResults: [Value] = [])
        throws(RuntimeError) -> Bool
    {
        try evaluate(rule, bindings: bindings, modelCheckResults: modelCheckResults)
            .ruleVerdict(context: rule.context, at: rule.source)
    }

    /// Evaluates a `score`, clamped to [0, 1].
    public func evaluateScore(_ score: CompiledExpression, bindings: [Value], modelCheckResults: [Value] = [])
        throws(RuntimeError) -> UnitScore
    {
        try evaluate(score, bindings: bindings, modelCheckResults: modelCheckResults)
            .unitScore(context: score.context, at: score.source)
    }

    /// Evaluates the `reward` over the metric bindings (`passed`, `quality`, `novelty`, ...), clamped to [0, 1].
    public func evaluateReward(_ reward: CompiledExpression, metrics: [Value]) throws(RuntimeError) -> UnitScore {
        try evaluate(reward, bindings: metrics).unitScore(context: reward.context, at: reward.source)
    }
}
