import Testing
import GenPipeline
@testable import GenSemantics

/// `noise_filter` in `evaluate`: what a valid value lowers to (the errors are golden cases in errors/cross.gen).
@Suite struct NoiseFilterAttributeTests {
    static func evaluation(_ value: String?) -> EvaluationNode? {
        let line = value.map { "  noise_filter: \($0)\n" } ?? ""
        let result = checkText(validScript + "\nevaluate {\n  task: classify(text -> label)\n\(line)}\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.graph?.evaluation
    }

    @Test func offUnlessAsked() {
        #expect(Self.evaluation(nil)?.noiseFilter == nil)
        #expect(Self.evaluation("false")?.noiseFilter == nil)
    }

    @Test func trueMeansTheDefaults() {
        #expect(Self.evaluation("true")?.noiseFilter == .defaults)
    }

    @Test func aRecordSetsWhatItNames() {
        #expect(Self.evaluation("{folds: 3, max_share: 0.25}")?.noiseFilter == NoiseFilterNode(folds: 3, maxShare: 0.25))
        #expect(Self.evaluation("{max_share: 1}")?.noiseFilter == NoiseFilterNode(folds: 5, maxShare: 1))
    }

    @Test func budgetIsAShareOfTheTarget() {
        #expect(NoiseFilterNode(folds: 5, maxShare: 0.1).budget(target: 40) == 4)
        #expect(NoiseFilterNode(folds: 5, maxShare: 0.3).budget(target: 10) == 3)
        #expect(NoiseFilterNode(folds: 5, maxShare: 0.05).budget(target: 10) == 0)
    }
}
