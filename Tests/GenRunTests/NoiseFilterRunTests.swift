import Foundation
import Testing
import GenCore
import GenGeneration
import GenPipeline
import GenRouter
import GenStore
@testable import GenRun

/// Writes six words from its label's vocabulary (disjoint per label); `flips` of the samples of a noisy arm
/// carry the other label. The truth is the vocabulary the words came from.
struct TopicArm: Arm {
    static let words = ["ham": ["lunch", "home", "later", "call", "mum", "dinner", "meet", "tonight"],
                        "spam": ["prize", "claim", "free", "winner", "cash", "offer", "urgent", "reply"]]
    let name: String
    let flips: Double

    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        slots.map { slot in
            var rng = SeededRandom(seed: slot.seed)
            let topic = slot.targetLabel ?? "ham"
            let vocabulary = Self.words[topic] ?? []
            let text = (0..<6).map { _ in vocabulary[rng.nextIndex(vocabulary.count)] }.joined(separator: " ")
            let label = rng.nextUnit() < flips ? (topic == "ham" ? "spam" : "ham") : topic
            return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel,
                             sample: .object(["text": .string(text), "label": .string(label)]), rawText: text, failure: nil)
        }
    }

    static func truth(_ sample: JSONValue) -> String? {
        guard let first = sample["text"]?.stringValue?.split(separator: " ").first else { return nil }
        return words.first { $0.value.contains(String(first)) }?.key
    }
}

/// The evaluate block's noise filter in the run loop: demotions leave the dataset, replacements keep the count.
@Suite struct NoiseFilterRunTests {
    static let target = 48
    static let filter = NoiseFilterNode(folds: 4, maxShare: 0.25)  // at most 12 demotions

    static func graph() -> PipelineGraph {
        var graph = RunFixtures.graph(count: target, batch: 8, policy: "epsilon_greedy")
        graph.arms = ["clean", "noisy"].map { ArmNode(name: $0, kind: "fake", model: nil, parameters: [:], source: .synthesized) }
        graph.evaluation = EvaluationNode(
            textField: "text", labelField: "label", test: [], testPath: nil, train: [], every: 24, weight: 0, classifier: "nb",
            noiseFilter: filter, source: .synthesized)
        return graph
    }

    static func loop(_ store: RunStore, maxCandidates: Int? = nil) throws -> AdaptiveRun {
        let arms: [String: any Arm] = ["clean": TopicArm(name: "clean", flips: 0), "noisy": TopicArm(name: "noisy", flips: 0.3)]
        return AdaptiveRun(graph: graph(), arms: arms, quality: AcceptAll(), reward: DefaultReward(), store: store,
                           configuration: RunConfiguration(seed: 5, targetCount: target, batchSize: 8, maxCandidates: maxCandidates))
    }

    @Test func mislabelledSamplesAreDemotedAndReplaced() async throws {
        let directory = RunFixtures.temporaryDirectory()
        let store = try RunFixtures.newStore(directory, graph: Self.graph(), seed: 5)
        let outcome = try await Self.loop(store).run()

        #expect(outcome.end == .targetReached)
        let demotions = try await store.demotions()
        #expect(!demotions.isEmpty && demotions.count <= Self.filter.budget(target: Self.target))
        #expect(outcome.progress.demoted == demotions.count && outcome.progress.accepted == Self.target)
        #expect(try await store.acceptedCount() == Self.target)
        // What was demoted was mislabelled, by the arm that mislabels; what is left is nearly clean.
        // (A small classifier on a small pool is no oracle: one false alarm is allowed.)
        let wrong = demotions.filter { TopicArm.truth($0.sample) != $0.label }
        #expect(wrong.count >= demotions.count - 1 && wrong.allSatisfy { $0.arm == "noisy" })
        let kept = try await store.acceptedSamples()
        let stillWrong = kept.filter { TopicArm.truth($0.sample) != $0.sample["label"]?.stringValue }.count
        #expect(stillWrong <= 2, "\(stillWrong) mislabelled samples left")
        #expect(demotions.allSatisfy { $0.predicted != $0.label && $0.predictedProbability > $0.labelProbability })
        // The dataset excludes them.
        let exported = try await store.export()
        #expect(exported.accepted == Self.target)
        let lines = Set(try String(contentsOf: exported.datasetURL, encoding: .utf8).split(separator: "\n").map(String.init))
        #expect(demotions.allSatisfy { !lines.contains(CanonicalJSON.string($0.sample)) })
        #expect(Set(kept.map { "\($0.batchIndex)/\($0.slot)" }).isDisjoint(with: demotions.map { "\($0.batchIndex)/\($0.slot)" }))
        // The evaluation that demoted says so; the summary line says how many.
        let filtered = try await store.evaluations().compactMap { $0.metrics["noise_filter"]?["demoted"]?.doubleValue }
        #expect(Int(filtered.reduce(0, +)) == demotions.count)
        #expect(ProgressText.summary(outcome.progress).contains("demoted \(demotions.count) as likely mislabelled"))
        // The router saw a reward-0 observation per demotion on top of one per candidate (weight 0: no credit ones).
        let state = try RouterState(json: try #require(try await store.lastRouterState()))
        #expect(abs(state.policy.arms.totalCount - Double(outcome.progress.candidates + demotions.count)) < 1e-9)
    }

    @Test func aResumedRunKeepsTheCountAndTheBudget() async throws {
        let directory = RunFixtures.temporaryDirectory()
        let straight = try await Self.loop(try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: Self.graph(), seed: 5)).run()

        // Stopped after the first evaluation (24 accepted), then continued by a new process on the same store.
        let first = try RunFixtures.newStore(directory, graph: Self.graph(), seed: 5)
        let stopped = try await Self.loop(first, maxCandidates: 32).run()
        #expect(stopped.end != .targetReached)
        let demotedBefore = try await first.demotedCount()
        await first.close()
        let reopened = try RunStore(opening: directory)
        let resumed = try await Self.loop(reopened).run()

        #expect(resumed.end == .targetReached)
        #expect(try await reopened.acceptedCount() == Self.target)
        let demoted = try await reopened.demotedCount()
        #expect(demoted >= demotedBefore && demoted <= Self.filter.budget(target: Self.target))
        #expect(resumed.progress.demoted == demoted)
        // Resuming is the same run: the same samples were demoted as without the stop.
        #expect(demoted == straight.progress.demoted)
        #expect(resumed.progress.arms.map(\.accepted) == straight.progress.arms.map(\.accepted))
    }
}
