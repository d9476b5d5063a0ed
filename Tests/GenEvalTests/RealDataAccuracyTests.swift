import Testing
import GenEval

/// Both models on the bundled real-data fixtures, split 50/50 with a fixed seed.
///
/// SST-2 and SMS use the floors for logistic regression (0.65 and 0.95). The AG News fixture has
/// 1,200 of 7,600 rows; with 600 training rows logistic regression measures 0.80-0.83 over split seeds, not
/// the 0.85, which holds on the full file (0.87 on 3,800 training rows, checked by EvalBenchmark).
/// So its floor here is 0.78. Naive Bayes on SST-2 ranges 0.65-0.71 over split seeds, hence 0.62.
@Suite struct RealDataAccuracyTests {
    static let floors: [(set: String, model: String, floor: Double)] = [
        ("sst2", "logreg", 0.65), ("sms_spam", "logreg", 0.95), ("ag_news", "logreg", 0.78),
        ("sst2", "nb", 0.62), ("sms_spam", "nb", 0.95), ("ag_news", "nb", 0.78),
    ]

    @Test(arguments: floors.indices)
    func accuracyFloor(_ index: Int) throws {
        let (set, model, floor) = Self.floors[index]
        let data = try FixtureData.halves(set)
        let metrics = try Evaluation.trainAndScore(train: data.train, test: data.test, model: model, seed: 42)
        #expect(metrics.accuracy >= floor, "\(model) on \(set): \(metrics.accuracy)")
    }
}
