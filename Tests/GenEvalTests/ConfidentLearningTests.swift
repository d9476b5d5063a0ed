import Testing
import GenEval

@Suite struct ConfidentLearningTests {
    /// 120 two-topic samples with every 10th label flipped (12 flips).
    static func noisy() -> (samples: [LabeledText], flipped: Set<Int>) {
        var samples = ToyData.samples(count: 120, seed: 5)
        var flipped: Set<Int> = []
        for index in stride(from: 3, to: samples.count, by: 10) {
            samples[index].label = samples[index].label == "sports" ? "finance" : "sports"
            flipped.insert(index)
        }
        return (samples, flipped)
    }

    @Test(arguments: ["nb", "logreg"]) func findsMostFlippedLabels(model: String) throws {
        let (samples, flipped) = Self.noisy()
        let scan = try ConfidentLearning.scan(samples, folds: 5, model: model, seed: 7)
        #expect(scan.skipped == nil)
        let found = Set(scan.suspects.map(\.index))
        #expect(found.intersection(flipped).count >= 10, "found \(found.sorted()) of \(flipped.sorted())")
        #expect(found.subtracting(flipped).count <= 2, "false alarms: \(found.subtracting(flipped).sorted())")
        let first = try #require(scan.suspects.first)
        #expect(first.suggested != first.label && first.suggestedProbability > first.labelProbability)
        #expect(zip(scan.suspects, scan.suspects.dropFirst()).allSatisfy { $0.margin >= $1.margin })
    }

    @Test func cleanDataHasNoSuspects() throws {
        let scan = try ConfidentLearning.scan(ToyData.samples(count: 80, seed: 9), folds: 5, model: "nb", seed: 1)
        #expect(scan.skipped == nil && scan.suspects.isEmpty)
        #expect(scan.thresholds.count == 2)
    }

    @Test func deterministicForASeed() throws {
        let samples = Self.noisy().samples
        let first = try ConfidentLearning.scan(samples, folds: 4, model: "logreg", seed: 3)
        #expect(try ConfidentLearning.scan(samples, folds: 4, model: "logreg", seed: 3) == first)
    }

    @Test func skipsPoolsTooSmallToCrossValidate() throws {
        let few = ToyData.samples(count: 9, seed: 1)
        #expect(try ConfidentLearning.scan(few, folds: 5, model: "nb", seed: 1).skipped?.contains("under the 10") == true)
        var lonely = ToyData.samples(count: 20, seed: 1)
        lonely[0].label = "weather"
        #expect(try ConfidentLearning.scan(lonely, folds: 5, model: "nb", seed: 1).skipped == "label weather has a single sample")
        let single = ToyData.samples(count: 20, seed: 1).map { LabeledText(text: $0.text, label: "sports") }
        #expect(try ConfidentLearning.scan(single, folds: 2, model: "nb", seed: 1).skipped?.contains("only one label") == true)
    }
}
