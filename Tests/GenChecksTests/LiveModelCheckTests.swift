import Foundation
import GenCore
import GenRun
import GenRuntime
import Testing
@testable import GenChecks

/// Against the real llama-cpp-python servers serving SmolLM2-135M-Instruct. They fail when the servers are
/// down (start them with `scripts/llm-server.sh start`). The model is tiny: these tests check ranges and
/// shapes, and print the numbers for the report rather than asserting a quality the model does not have.
@Suite(.serialized) struct LiveModelCheckTests {
    @Test func entailmentGivesAProbabilityFromLogprobs() async throws {
        try await LiveServers.requireUp()
        let checker = try LiveServers.checker()
        let premise = "The cat is sleeping on the sofa."
        var scores: [String: Double] = [:]
        for hypothesis in ["An animal is resting.", "The stock market crashed today."] {
            let outcome = try await checker.run(
                Fixtures.node("entails", model: "local"), arguments: [.string(premise), .string(hypothesis)], context: Fixtures.context())
            #expect((0...1).contains(outcome.score))
            #expect(outcome.method.contains("logprobs"), "method: \(outcome.method)")
            #expect(outcome.tokens > 0)
            scores[hypothesis] = outcome.score
            print("live entails: P(yes)=\(outcome.score) mass=\(outcome.detail["answer_mass"]?.doubleValue ?? -1) answer=\(outcome.detail["answer"]?.stringValue ?? "") | \(hypothesis)")
        }
        #expect(scores.count == 2)
    }

    @Test func embeddingSimilarityAfterCentring() async throws {
        try await LiveServers.requireUp()
        let checker = try LiveServers.checker()
        let related = [
            ("I lost my credit card yesterday.", "My bank card has gone missing."),
            ("The football match ended in a draw.", "Neither team won the soccer game."),
            ("It will rain heavily tomorrow.", "Expect a wet and stormy day tomorrow."),
        ]
        let unrelated = [
            ("I lost my credit card yesterday.", "Neither team won the soccer game."),
            ("The football match ended in a draw.", "Expect a wet and stormy day tomorrow."),
            ("It will rain heavily tomorrow.", "My bank card has gone missing."),
        ]
        func scores(_ pairs: [(String, String)]) async throws -> [Double] {
            var values: [Double] = []
            for (a, b) in pairs {
                let outcome = try await checker.run(
                    Fixtures.node("similarity", model: "embedder"), arguments: [.string(a), .string(b)], context: Fixtures.context())
                #expect((0...1).contains(outcome.score))
                #expect(outcome.method.hasPrefix("embedding cosine centred on"), "method: \(outcome.method)")
                #expect(outcome.detail["dimension"]?.doubleValue == 576)
                print("live similarity: centred=\(outcome.detail["cosine"]?.doubleValue ?? .nan) raw=\(outcome.detail["raw_cosine"]?.doubleValue ?? .nan) | \(a) / \(b)")
                values.append(outcome.score)
            }
            return values
        }
        let near = try await scores(related)
        let far = try await scores(unrelated)
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        print("live similarity: mean related \(mean(near)), mean unrelated \(mean(far))")
        #expect(mean(near) > mean(far))
    }

    @Test func judgeScoresEveryCriterion() async throws {
        try await LiveServers.requireUp()
        let cache = InMemoryCheckCache()
        let checker = try LiveServers.checker(cache: cache)
        let samples: [Value] = [
            Fixtures.sampleValue,
            .record(["text": "Best pizza recipe: tomatoes, cheese, basil.", "label": "lost_card"]),
        ]
        for sample in samples {
            let started = ContinuousClock.now
            let outcome = try await checker.run(Fixtures.node("judge", model: "local"), arguments: [sample, .none], context: Fixtures.context())
            let latency = ContinuousClock.now - started
            let entries = try #require(outcome.detail["criteria"]?.arrayValue, "method: \(outcome.method)")
            #expect(entries.count == 4)
            for entry in entries {
                let score = try #require(entry["score"]?.doubleValue, "criterion without a score: \(entry)")
                #expect((1...5).contains(score))
            }
            #expect((0...1).contains(outcome.score))
            let perCriterion = entries.map { "\($0["score"]?.doubleValue ?? .nan)" }.joined(separator: ",")
            print("live judge: score=\(outcome.score) per-criterion=[\(perCriterion)] latency=\(latency) tokens=\(outcome.tokens)")
        }
        // Judging the first sample again is a cache hit.
        let again = try await checker.run(Fixtures.node("judge", model: "local"), arguments: [samples[0], .none], context: Fixtures.context())
        #expect(again.cached && again.tokens == 0)
    }
}
