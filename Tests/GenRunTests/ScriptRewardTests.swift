import Testing
import GenPipeline
import GenRuntime
@testable import GenRun

@Suite struct ScriptRewardTests {
    func local(_ name: String) -> IRExpr { IRExpr(.local(name: name), type: .float, source: .synthesized) }
    func number(_ value: Double) -> IRExpr { IRExpr(.float(value), type: .float, source: .synthesized) }
    func binary(_ op: IRBinaryOperator, _ lhs: IRExpr, _ rhs: IRExpr) -> IRExpr {
        IRExpr(.binary(op: op, lhs: lhs, rhs: rhs), type: .float, source: .synthesized)
    }

    @Test func evaluatesTheDefaultBlend() throws {
        // passed * (0.6 * quality + 0.4 * novelty)
        let expression = binary(.multiply, local("passed"),
                                binary(.add, binary(.multiply, number(0.6), local("quality")),
                                       binary(.multiply, number(0.4), local("novelty"))))
        let reward = try ScriptReward(expression: expression, interpreter: try Interpreter())
        #expect(abs(try reward.reward(inputs([.passed: 1, .quality: 0.5, .novelty: 1])) - 0.7) < 1e-12)
        #expect(try reward.reward(inputs([.passed: 0, .quality: 1, .novelty: 1])) == 0)
        let fallback = try DefaultReward().reward(inputs([.passed: 1, .quality: 0.5, .novelty: 1]))
        #expect(abs(fallback - 0.7) < 1e-12)
    }

    @Test func outOfRangeRewardsAreClamped() throws {
        let reward = try ScriptReward(expression: binary(.multiply, number(2), local("quality")), interpreter: try Interpreter())
        #expect(try reward.reward(inputs([.quality: 0.9])) == 1)
    }

    /// Before, `scores` type-checked in a reward but was never bound at run time: the expression read 0.0.
    @Test func scoresByNameReachTheReward() throws {
        let scores = IRExpr(.local(name: "scores"), type: .record(fields: ["label fits": .float], open: false), source: .synthesized)
        let expression = IRExpr(.index(base: scores, index: IRExpr(.string("label fits"), type: .string, source: .synthesized)),
                                type: .float, source: .synthesized)
        let reward = try ScriptReward(expression: expression, interpreter: try Interpreter())
        #expect(try reward.reward(inputs([:], scores: ["label fits": 0.8])) == 0.8)
    }

    @Test func aGraphNamingAMetricTheRunDoesNotComputeIsRefusedAtStart() throws {
        #expect(throws: ScriptRewardError.self) {
            try ScriptReward(expression: local("karma"), interpreter: try Interpreter())
        }
    }

    func inputs(_ metrics: MetricValues, scores: [String: Double] = [:]) -> RewardInputs {
        RewardInputs(metrics: metrics, scores: scores)
    }
}
