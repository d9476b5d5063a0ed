import Testing
import GenEval

@Suite struct MetricsTests {
    @Test func handComputedThreeClassExample() throws {
        let metrics = try ClassificationMetrics(truth: ["a", "a", "b", "b", "c"], predicted: ["a", "b", "b", "b", "a"])
        #expect(metrics.labels == ["a", "b", "c"])
        #expect(metrics.confusion == [[1, 1, 0], [0, 2, 0], [1, 0, 0]])
        #expect(metrics.accuracy == 0.6)
        let a = metrics.perClass[0], b = metrics.perClass[1], c = metrics.perClass[2]
        #expect(a.precision == 0.5 && a.recall == 0.5 && a.f1 == 0.5 && a.support == 2)
        #expect(abs(b.precision - 2.0 / 3.0) < 1e-12 && b.recall == 1 && abs(b.f1 - 0.8) < 1e-12)
        #expect(c.precision == 0 && c.recall == 0 && c.f1 == 0 && c.support == 1)
        #expect(abs(metrics.macroF1 - 1.3 / 3) < 1e-12)
    }

    @Test func predictedLabelOutsideTruthGetsAColumn() throws {
        let metrics = try ClassificationMetrics(truth: ["a", "a"], predicted: ["a", "z"])
        #expect(metrics.labels == ["a", "z"])
        #expect(metrics.confusion == [[1, 1], [0, 0]])
        #expect(metrics.accuracy == 0.5)
    }

    @Test func badInputIsAnError() {
        #expect(throws: EvalError.self) { try ClassificationMetrics(truth: ["a"], predicted: []) }
        #expect(throws: EvalError.self) { try ClassificationMetrics(truth: [], predicted: []) }
    }

    @Test func tablesNameEveryClass() throws {
        let metrics = try ClassificationMetrics(truth: ["pos", "neg"], predicted: ["pos", "pos"])
        #expect(metrics.perClassTable.contains("neg"))
        #expect(metrics.confusionTable.split(separator: "\n").count == 3)
        #expect(EvaluationMetric.macroF1.value(of: metrics) == metrics.macroF1)
    }
}
