import GenPipeline
import GenRuntime

/// The script's `reward = ...` expression, compiled once and evaluated per sample over its metrics.
/// A metric the pipeline did not produce for this sample reads as 0 (the checker has already refused
/// names the pipeline never produces).
public struct ScriptReward: RewardModel {
    let interpreter: Interpreter
    let compiled: CompiledExpression
    let names: [String]

    public init(expression: IRExpr, interpreter: Interpreter) throws {
        self.interpreter = interpreter
        self.names = FreeNames.of(expression)
        self.compiled = try interpreter.compile(expression, bindings: names, context: "reward")
    }

    public func reward(metrics: [String: Double]) throws -> Double {
        try interpreter.evaluateReward(compiled, metrics: names.map { .float(metrics[$0] ?? 0) }).value
    }
}
