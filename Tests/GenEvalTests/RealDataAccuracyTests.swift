import Foundation
import Testing
import GenEval

/// Both models on the bundled real-data fixtures, split 50/50 with a fixed seed.
///
/// SST-2 and SMS use the issue's floors for logistic regression (0.65 and 0.95). The AG News fixture has
/// 1,200 of 7,600 rows; with 600 training rows logistic regression measures 0.80-0.83 over split seeds, not
/// the issue's 0.85, which holds on the full file (0.87 on 3,800 training rows, checked by EvalBenchmark).
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

/// The issue's floors on the full shared sets (../shared/data beside the repository, as on developer
/// machines and in CI), 50/50 seeded split. Where shared/ is absent the fixture test above still runs.
@Suite struct SharedDataAccuracyTests {
    static let sharedData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static let floors: [(set: String, floor: Double)] = [("ag_news", 0.85), ("sms_spam", 0.95), ("sst2", 0.65)]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedData.path)), arguments: floors.indices)
    func logisticRegressionMeetsTheIssueFloorOnTheFullSet(_ index: Int) throws {
        let (set, floor) = Self.floors[index]
        let path = Self.sharedData.appendingPathComponent("\(set)/test.jsonl").path
        let samples = try LabeledTextLoader.read(path: path).samples
        let split = try StratifiedSplit.split(samples, testFraction: 0.5, seed: 42)
        let metrics = try Evaluation.trainAndScore(train: split.train, test: split.test, model: "logreg", seed: 42)
        #expect(metrics.accuracy >= floor, "logreg on the full \(set): \(metrics.accuracy)")
    }
}
