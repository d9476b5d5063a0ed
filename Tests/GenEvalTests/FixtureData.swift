import Foundation
import GenEval

/// The real-data fixtures bundled with the tests, each split 50/50 with a fixed seed.
enum FixtureData {
    static let directory: String = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures"

    static func samples(_ name: String) throws -> [LabeledText] {
        let result = try LabeledTextLoader.read(path: "\(directory)/\(name)/test.jsonl")
        guard result.issues.isEmpty else { throw EvalError.invalidArgument("fixture \(name): \(result.issues)") }
        return result.samples
    }

    static func halves(_ name: String, seed: UInt64 = 42) throws -> TrainTestSplit {
        try StratifiedSplit.split(samples(name), testFraction: 0.5, seed: seed)
    }
}

/// Two-topic toy data with disjoint vocabularies, generated from a seed: easy enough to check by hand.
enum ToyData {
    static let sportsWords = ["goal", "match", "team", "score", "league", "coach", "striker", "season"]
    static let financeWords = ["stock", "market", "shares", "profit", "bank", "investor", "bond", "trading"]

    static func samples(count: Int, seed: UInt64) -> [LabeledText] {
        var rng = SplitMixForTests(seed: seed)
        return (0..<count).map { index in
            let sports = index % 2 == 0
            let vocabulary = sports ? sportsWords : financeWords
            let words = (0..<6).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
            return LabeledText(text: words.joined(separator: " "), label: sports ? "sports" : "finance")
        }
    }
}

/// A tiny local generator so the toy data does not depend on the code under test.
struct SplitMixForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
