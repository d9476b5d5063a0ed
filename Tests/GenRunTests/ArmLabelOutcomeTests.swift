import Foundation
import Testing
import GenCore
import GenGeneration
import GenPipeline
import GenStore
@testable import GenRun

/// Each candidate keeps the label its slot asked for (`asked_label`), so the report can show each arm's
/// outcomes per label: what a contextual router learns from.
@Suite struct ArmLabelOutcomeTests {
    @Test func everyCandidateRecordsTheLabelItsSlotAskedFor() async throws {
        var graph = RunFixtures.graph(count: 16, batch: 4, policy: "epsilon_greedy")
        graph.arms = ["clean", "noisy"].map { ArmNode(name: $0, kind: "fake", model: nil, parameters: [:], source: .synthesized) }
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 3)
        let arms: [String: any Arm] = ["clean": TopicArm(name: "clean", flips: 0), "noisy": TopicArm(name: "noisy", flips: 0.5)]
        let outcome = try await AdaptiveRun(
            graph: graph, arms: arms, quality: AcceptAll(), reward: DefaultReward(), store: store,
            configuration: RunConfiguration(seed: 3, targetCount: 16, batchSize: 4)).run()
        let rows = try await store.armLabelOutcomes()
        let summaries = try await store.armSummaries()
        await store.close()
        #expect(outcome.end == .targetReached)
        #expect(Set(rows.map(\.label)) == ["ham", "spam"], "the fixture's quotas ask for both labels")
        for summary in summaries {
            let mine = rows.filter { $0.arm == summary.arm }
            #expect(mine.reduce(0) { $0 + $1.generated } == summary.generated, "every candidate of \(summary.arm) has its asked label")
            #expect(mine.reduce(0) { $0 + $1.accepted } == summary.accepted)
        }
    }
}
