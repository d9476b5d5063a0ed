import Foundation
import Testing
import GenEval

@Suite struct EvaluationTests {
    let train = ToyData.samples(count: 40, seed: 1)
    let test = ToyData.samples(count: 20, seed: 2)

    @Test func heldOutReportWithRealTrainReference() throws {
        let report = try Evaluation.run(
            train: train, test: test, testSetName: "toy-real", model: "nb", seed: 3, realTrain: Array(train.prefix(10)))
        #expect(report.protocol == .heldOut("toy-real"))
        #expect(report.trainCount == 40 && report.testCount == 20)
        #expect(report.metrics.accuracy == 1)
        #expect(report.realTrainReference?.trainCount == 10)
        let text = report.rendered
        #expect(text.contains("held-out test set 'toy-real'"))
        #expect(text.contains("finance") && text.contains("sports"))
        #expect(text.contains("confusion matrix"))
        #expect(text.contains("reference, same model trained on 10 real samples"))
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = try Evaluation.crossValidate(samples: train, folds: 4, model: "logreg", seed: 8)
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(EvaluationReport.self, from: data) == report)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""kind":"crossValidation""#) && json.contains(#""folds":4"#))
    }

    @Test func crossValidationIsLabelledAsSuch() throws {
        let report = try Evaluation.crossValidate(samples: train, folds: 5, model: "nb", seed: 2)
        #expect(report.protocol == .crossValidation(5))
        #expect(report.foldAccuracies.count == 5)
        #expect(report.metrics.count == train.count)
        #expect(report.rendered.contains("CROSS-VALIDATION (5-fold)"))
        #expect(report.realTrainReference == nil)
    }

    @Test func crossValidationOnRealFixture() throws {
        let report = try Evaluation.crossValidate(samples: FixtureData.samples("sst2"), folds: 3, model: "nb", seed: 1)
        #expect(report.metrics.accuracy > 0.6)
        #expect(report.foldAccuracies.allSatisfy { $0 > 0.55 })
    }

    @Test func badArgumentsAreErrors() {
        #expect(throws: EvalError.unknownModel(name: "svm", available: ["logreg", "nb"])) {
            try Evaluation.run(train: train, test: test, model: "svm", seed: 0)
        }
        #expect(throws: EvalError.emptyTestSet) { try Evaluation.run(train: train, test: [], seed: 0) }
        #expect(throws: EvalError.emptyTrainingSet) { try Evaluation.run(train: [], test: test, seed: 0) }
        #expect(throws: EvalError.self) { try Evaluation.crossValidate(samples: train, folds: 1, seed: 0) }
        #expect(throws: EvalError.self) { try Evaluation.crossValidate(samples: Array(train.prefix(3)), folds: 5, seed: 0) }
    }

    @Test func registryListsModels() throws {
        #expect(ClassifierRegistry.standard.names == ["logreg", "nb"])
        #expect(try ClassifierRegistry.standard.make("nb", seed: 0).name == "nb")
    }
}

@Suite struct BaselineTests {
    /// `gen eval` showed 0.000 accuracy on disjoint label sets without a word, and never the majority baseline.
    @Test func accuracyComesWithTheMajorityBaselineAndDisjointLabelsAreNamed() throws {
        let balanced = try ClassificationMetrics(truth: ["a", "a", "a", "b"], predicted: ["a", "a", "a", "b"])
        #expect(balanced.majorityBaseline.label == "a" && balanced.majorityBaseline.accuracy == 0.75)
        #expect(balanced.baselineNotes == ["majority-class baseline 0.750 (always `a`)"])
        let weak = try ClassificationMetrics(truth: ["a", "a", "a", "b"], predicted: ["b", "a", "a", "a"])
        #expect(weak.baselineNotes.last == "warning: accuracy is no better than always predicting `a`")
        let disjoint = try ClassificationMetrics(truth: ["pos", "neg"], predicted: ["positive", "positive"])
        #expect(disjoint.predictsNoTestLabel)
        #expect(disjoint.baselineNotes.last?.contains("do not overlap") == true)
    }
}
