import Foundation
import Testing
import GenEval

@Suite struct NaiveBayesTests {
    let wordsOnly = try! HashedFeaturizer(FeatureConfiguration(maxWordNGram: 1, charNGramWeight: 0))

    @Test func posteriorMatchesHandComputation() throws {
        var model = NaiveBayes(featurizer: wordsOnly, smoothing: 1)
        try model.fit(texts: ["good great", "great fun", "bad awful", "awful boring"], labels: ["pos", "pos", "neg", "neg"])
        // The six words must land in six buckets for the hand computation to hold.
        let buckets = ["good", "great", "fun", "bad", "awful", "boring"].map { wordsOnly.encode($0).indices[0] }
        #expect(Set(buckets).count == 6)
        // pos: 4 tokens, "great" twice; neg: 4 tokens, "great" never; equal priors.
        let vocabulary = Double(wordsOnly.bucketCount)
        let likelihoodPos = 3 / (4 + vocabulary)
        let likelihoodNeg = 1 / (4 + vocabulary)
        let expected = likelihoodPos / (likelihoodPos + likelihoodNeg)
        let probabilities = model.predictProba("great")
        #expect(model.classes == ["neg", "pos"])
        #expect(abs(probabilities[1] - expected) < 1e-6)
        #expect(model.predict("awful") == "neg")
        #expect(model.predict("fun great") == "pos")
    }

    @Test func priorsDecideUnseenText() throws {
        var model = NaiveBayes(featurizer: wordsOnly)
        try model.fit(texts: ["x", "y", "z"], labels: ["a", "a", "b"])
        let probabilities = model.predictProba("never seen")
        // Each unseen word has likelihood 0.1 / (tokens of class + 0.1 * buckets): nearly equal, so the 2:1 prior decides.
        let unseen = { (tokens: Double) in 0.1 / (tokens + 0.1 * Double(wordsOnly.bucketCount)) }
        let scoreA = 2.0 / 3.0 * unseen(2) * unseen(2)
        let scoreB = 1.0 / 3.0 * unseen(1) * unseen(1)
        #expect(abs(probabilities[0] - scoreA / (scoreA + scoreB)) < 1e-6)
        #expect(model.predict("never seen") == "a")
    }

    @Test func learnsToyTopics() throws {
        var model = try ClassifierRegistry.standard.make("nb", seed: 0)
        let train = ToyData.samples(count: 40, seed: 1)
        try model.fit(texts: train.map(\.text), labels: train.map(\.label))
        let test = ToyData.samples(count: 20, seed: 2)
        #expect(model.predict(test.map(\.text)) == test.map(\.label))
    }

    @Test func badTrainingInputIsAnError() {
        var model = NaiveBayes(featurizer: wordsOnly)
        #expect(throws: EvalError.emptyTrainingSet) { try model.fit(texts: [], labels: []) }
        #expect(throws: EvalError.self) { try model.fit(texts: ["a"], labels: []) }
        #expect(model.predict("anything") == "")  // unfitted: no class, no crash
    }
}
