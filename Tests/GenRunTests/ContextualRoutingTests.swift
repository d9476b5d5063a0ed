import Foundation
import GenCore
import GenGeneration
import GenRouter
import GenStore
import Testing
@testable import GenRun

/// An arm that writes a good sample only for its own label and unreadable text for the other: the reward of an
/// arm depends on the slot's label, so only a router that is told the label can route well.
struct LabelExpertArm: Arm {
    let name: String
    let expertise: String

    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        slots.map { slot in
            var rng = SeededRandom(seed: slot.seed)
            guard slot.targetLabel == expertise else {
                return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: nil,
                                 rawText: "{\"text\":", failure: "unreadable output", promptTokens: 20, completionTokens: 5)
            }
            let text = "\(name) on \(expertise) number \(rng.nextIndex(1_000_000_000))"
            return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel,
                             sample: .object(["text": .string(text), "label": .string(expertise)]), rawText: text,
                             failure: nil, promptTokens: 20, completionTokens: 10)
        }
    }
}

@Suite struct ContextualRoutingTests {
    static let arms: [String: any Arm] = [
        "ham_writer": LabelExpertArm(name: "ham_writer", expertise: "ham"),
        "spam_writer": LabelExpertArm(name: "spam_writer", expertise: "spam"),
    ]

    static func graph(_ policy: String) -> PipelineGraphBox {
        PipelineGraphBox(RunFixtures.graph(count: 80, batch: 8, policy: policy, arms: ["ham_writer", "spam_writer"]))
    }

    func loop(_ store: RunStore, policy: String, stop: StopSignal = StopSignal(), maxCandidates: Int? = nil) -> AdaptiveRun {
        let graph = Self.graph(policy)
        return AdaptiveRun(graph: graph.value, arms: Self.arms, quality: FakeQuality(), reward: DefaultReward(), store: store,
                           configuration: RunConfiguration(seed: 13, targetCount: 80, batchSize: 8,
                                                           maxCandidates: maxCandidates),
                           stop: stop)
    }

    func candidates(_ policy: String) async throws -> (count: Int, state: RouterState) {
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: Self.graph(policy).value, seed: 13)
        let outcome = try await loop(store, policy: policy).run()
        #expect(outcome.end == .targetReached)
        let state = try RouterState(json: try #require(try await store.resumeInfo().routerState))
        return (outcome.progress.candidates, state)
    }

    /// Each slot's label reaches the router: the contextual policy learns per label which arm writes it, and
    /// needs far fewer candidates than a policy that sees one arm mean of about one half.
    @Test func theRunPassesEachSlotsLabelToTheRouter() async throws {
        let contextual = try await candidates("contextual_thompson")
        let plain = try await candidates("thompson")
        #expect(Set(contextual.state.policy.contexts.keys) == ["ham", "spam"])
        let ham = try #require(contextual.state.policy.contexts["ham"])
        let spam = try #require(contextual.state.policy.contexts["spam"])
        // Arms in declared order: ham_writer, spam_writer. Rewards came back under the slot's label.
        #expect(ham[0].count > ham[1].count && spam[1].count > spam[0].count, "\(ham) \(spam)")
        #expect(ham[1].sum == 0 && spam[0].sum == 0, "a writer's wrong label never earns a reward")
        #expect(plain.state.policy.contexts.isEmpty)
        #expect(Double(contextual.count) < 0.75 * Double(plain.count), "\(contextual.count) vs \(plain.count)")
    }

    @Test func stoppingAndResumingContinuesWithTheSamePerLabelStatistics() async throws {
        let policy = "contextual_thompson"
        let straightStore = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: Self.graph(policy).value, seed: 13)
        _ = try await loop(straightStore, policy: policy).run()
        let straight = try await straightStore.acceptedSamples().map(\.contentHash)
        let straightState = try await straightStore.resumeInfo().routerState

        let directory = RunFixtures.temporaryDirectory()
        let firstStore = try RunFixtures.newStore(directory, graph: Self.graph(policy).value, seed: 13)
        let partial = try await loop(firstStore, policy: policy, maxCandidates: 24).run()
        #expect(partial.end == .budgetSpent("max_candidates 24 reached"))
        let saved = try RouterState(json: try #require(try await firstStore.resumeInfo().routerState))
        #expect(!saved.policy.contexts.isEmpty)
        await firstStore.close()

        let reopened = try RunStore(opening: directory)
        let resumed = try await loop(reopened, policy: policy).run()
        #expect(resumed.end == .targetReached)
        #expect(try await reopened.acceptedSamples().map(\.contentHash) == straight)
        #expect(try await reopened.resumeInfo().routerState == straightState)
    }
}
