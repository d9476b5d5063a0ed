import GenPipeline
import GenRuntime

/// The script's `reward = ...` expression, compiled once and evaluated per sample over its `RewardInputs`:
/// each metric name binds that metric's value, and `scores` binds the record of the sample's score values.
public struct ScriptReward: RewardModel {
    /// What one free name of the expression binds.
    enum Binding: Sendable {
        case metric(RewardMetric)
        case scores
    }

    let interpreter: Interpreter
    let compiled: CompiledExpression
    let bindings: [Binding]

    public init(expression: IRExpr, interpreter: Interpreter) throws {
        let names = FreeNames.of(expression)
        self.interpreter = interpreter
        self.bindings = try names.map { name in
            if name == RewardMetric.scoresName { return .scores }
            guard let metric = RewardMetric(rawValue: name) else { throw ScriptRewardError.unknownMetric(name) }
            return .metric(metric)
        }
        self.compiled = try interpreter.compile(expression, bindings: names, context: "reward")
    }

    public func reward(_ inputs: RewardInputs) throws -> Double {
        let values = bindings.map { binding -> Value in
            switch binding {
            case .metric(let metric): .float(inputs[metric])
            case .scores: Value(json: .object(inputs.scores.mapValues { .double($0) }))
            }
        }
        return try interpreter.evaluateReward(compiled, metrics: values).value
    }
}

/// A reward graph naming something the run does not compute (a graph from another version of Gen).
public enum ScriptRewardError: Error, CustomStringConvertible {
    case unknownMetric(String)

    public var description: String {
        switch self {
        case .unknownMetric(let name):
            "the reward uses `\(name)`, which this version of the run does not compute; metrics: "
                + RewardMetric.allCases.map(\.name).joined(separator: ", ")
        }
    }
}
