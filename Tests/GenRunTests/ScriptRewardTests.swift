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
        #expect(reward.names == ["passed", "quality", "novelty"])
        #expect(abs(try reward.reward(metrics: ["passed": 1, "quality": 0.5, "novelty": 1]) - 0.7) < 1e-12)
        #expect(try reward.reward(metrics: ["passed": 0, "quality": 1, "novelty": 1]) == 0)
        let fallback = try DefaultReward().reward(metrics: ["passed": 1, "quality": 0.5, "novelty": 1])
        #expect(abs(fallback - 0.7) < 1e-12)
    }

    @Test func outOfRangeRewardsAreClamped() throws {
        let reward = try ScriptReward(expression: binary(.multiply, number(2), local("quality")), interpreter: try Interpreter())
        #expect(try reward.reward(metrics: ["quality": 0.9]) == 1)
    }
}
