import Testing
import GenEval

@Suite struct LogisticRegressionTests {
    @Test func separatesToyTopicsWithCalibratedProbabilities() throws {
        var model = try ClassifierRegistry.standard.make("logreg", seed: 5)
        let train = ToyData.samples(count: 40, seed: 1)
        try model.fit(texts: train.map(\.text), labels: train.map(\.label))
        let test = ToyData.samples(count: 20, seed: 2)
        #expect(model.predict(test.map(\.text)) == test.map(\.label))
        let probabilities = model.predictProba("goal goal match")
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
        #expect(probabilities[model.classes.firstIndex(of: "sports") ?? 0] > 0.8)
    }

    @Test func sameSeedGivesIdenticalModel() throws {
        let train = ToyData.samples(count: 30, seed: 3)
        var first = try ClassifierRegistry.standard.make("logreg", seed: 11)
        var second = try ClassifierRegistry.standard.make("logreg", seed: 11)
        try first.fit(texts: train.map(\.text), labels: train.map(\.label))
        try second.fit(texts: train.map(\.text), labels: train.map(\.label))
        let probe = "market goal shares unknown"
        #expect(first.predictProba(probe) == second.predictProba(probe))
    }

    @Test func threeClassesAndASingleClass() throws {
        var model = try ClassifierRegistry.standard.make("logreg", seed: 1)
        let texts = ["red apple", "red cherry", "green lime", "green pear", "blue sky", "blue sea"]
        let labels = ["red", "red", "green", "green", "blue", "blue"]
        try model.fit(texts: texts, labels: labels)
        #expect(model.classes == ["blue", "green", "red"])
        #expect(model.predict(texts) == labels)
        var single = try ClassifierRegistry.standard.make("logreg", seed: 1)
        try single.fit(texts: ["only one"], labels: ["solo"])
        #expect(single.predict("whatever") == "solo")
    }

    @Test func rejectsBadHyperparameters() throws {
        var model = LogisticRegression(
            featurizer: try HashedFeaturizer(), hyperparameters: .init(epochs: 0), seed: 0)
        #expect(throws: EvalError.self) { try model.fit(texts: ["a"], labels: ["b"]) }
    }
}
