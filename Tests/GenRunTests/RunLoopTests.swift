import Foundation
import GenPipeline
import Testing
import GenCore
import GenStore
@testable import GenRun

@Suite struct RunLoopTests {
    func loop(_ store: RunStore, graph: PipelineGraphBox, seed: UInt64 = 7, observer: ProgressLog? = nil,
              stop: StopSignal = StopSignal(), maxCandidates: Int? = nil) -> AdaptiveRun {
        AdaptiveRun(graph: graph.value, arms: RunFixtures.arms, quality: FakeQuality(), reward: DefaultReward(), store: store,
                configuration: RunConfiguration(seed: seed, targetCount: graph.value.spec.count, batchSize: graph.value.spec.batch,
                                                maxCandidates: maxCandidates),
                observer: observer, stop: stop)
    }

    @Test func runsToTheTargetAndTheStoreAgrees() async throws {
        let graph = PipelineGraphBox(RunFixtures.graph(count: 12, batch: 4))
        let directory = RunFixtures.temporaryDirectory()
        let store = try RunFixtures.newStore(directory, graph: graph.value, seed: 7)
        let log = ProgressLog()
        let outcome = try await loop(store, graph: graph, observer: log).run()
        #expect(outcome.end == .targetReached)
        #expect(outcome.progress.accepted == 12)
        #expect(try await store.acceptedCount() == 12)
        let accepted = try await store.acceptedSamples()
        let texts = accepted.compactMap { $0.sample["text"]?.stringValue }
        #expect(Set(texts).count == 12)
        // Quotas keep labels balanced: 6 ham, 6 spam.
        #expect(accepted.filter { $0.sample["label"] == .string("spam") }.count == 6)
        let reports = await log.reports
        #expect(reports.last?.accepted == 12)
        #expect(reports.map(\.candidates) == reports.indices.map { ($0 + 1) * 4 })
        let pulls = outcome.progress.arms.reduce(0) { $0 + $1.pulls }
        #expect(pulls == outcome.progress.candidates)
    }

    @Test func theLastBatchIsCutToWhatTheTargetStillNeeds() async throws {
        // 13 samples in batches of 10: after the first batch, at the pass rate seen so far, 3 more are needed;
        // a full batch would have made 7 candidates that passed and were thrown away.
        let graph = PipelineGraphBox(RunFixtures.graph(count: 13, batch: 10))
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 5)
        let log = ProgressLog()
        let outcome = try await loop(store, graph: graph, seed: 5, observer: log).run()
        #expect(outcome.end == .targetReached)
        let reports = await log.reports
        let first = try #require(reports.first)
        let passed = first.arms.reduce(0) { $0 + $1.passed }
        let expected = min(10, Int((Double(13 - first.accepted) / (Double(passed) / 10)).rounded(.up)) + 1)
        #expect(reports.count >= 2)
        #expect(reports[1].candidates - first.candidates == expected)
        #expect(expected < 10)
    }

    @Test func relativeCostIsASamplesTokensOverTheRunsMeanPerCandidate() async throws {
        struct CostReward: RewardModel {
            func reward(_ inputs: RewardInputs) throws -> Double { inputs[.relativeCost] / 2 }
        }
        let graph = PipelineGraphBox(RunFixtures.graph(count: 6, batch: 6))
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 9)
        // The fakes spend 30 tokens on a readable sample and 25 on junk.
        let run = AdaptiveRun(
            graph: graph.value, arms: RunFixtures.arms, quality: FakeQuality(), reward: CostReward(), store: store,
            configuration: RunConfiguration(seed: 9, targetCount: 6, batchSize: 6), observer: nil, stop: StopSignal())
        _ = try await run.run()
        let first = try await store.candidates(batch: 0).map(\.record)
        let mean = Double(first.reduce(0) { $0 + $1.tokens }) / Double(first.count)
        #expect(Set(first.map(\.tokens)).count == 2, "the batch mixes both costs")
        for record in first { #expect(abs(record.reward - Double(record.tokens) / mean / 2) < 1e-12) }
        #expect(RewardScope.meanCost(previousTokens: 300, previousCandidates: 10, batch: [20, 40]) == 30)
        #expect(RewardScope.meanCost(previousTokens: 0, previousCandidates: 0, batch: []) == 0)
    }

    @Test func stoppingAndResumingGivesTheSameRunAsGoingStraight() async throws {
        let graph = PipelineGraphBox(RunFixtures.graph(count: 20, batch: 4))
        let straightStore = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 11)
        _ = try await loop(straightStore, graph: graph, seed: 11).run()
        let straight = try await straightStore.acceptedSamples().map(\.contentHash)

        let directory = RunFixtures.temporaryDirectory()
        let stop = StopSignal()
        let firstStore = try RunFixtures.newStore(directory, graph: graph.value, seed: 11)
        let partial = try await loop(firstStore, graph: graph, seed: 11, stop: stop, maxCandidates: 12).run()
        #expect(partial.end == .budgetSpent("max_candidates 12 reached"))
        await firstStore.close()

        let reopened = try RunStore(opening: directory)
        let resumed = try await loop(reopened, graph: graph, seed: 11).run()
        #expect(resumed.end == .targetReached)
        #expect(try await reopened.acceptedSamples().map(\.contentHash) == straight)
        #expect(resumed.progress.candidates == (try await straightStore.resumeInfo().candidateCount))
    }

    @Test func aStopRequestEndsAfterTheBatchInFlight() async throws {
        let graph = PipelineGraphBox(RunFixtures.graph(count: 1000, batch: 4))
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 3)
        let stop = StopSignal()
        actor StopAfterTwo: RunObserver {
            let stop: StopSignal
            init(_ stop: StopSignal) { self.stop = stop }
            func batchFinished(_ progress: RunProgress) async { if progress.batchIndex == 2 { stop.request("Ctrl-C") } }
        }
        let run = AdaptiveRun(graph: graph.value, arms: RunFixtures.arms, quality: FakeQuality(), reward: DefaultReward(),
                          store: store, configuration: RunConfiguration(seed: 3, targetCount: 1000, batchSize: 4),
                          observer: StopAfterTwo(stop), stop: stop)
        let outcome = try await run.run()
        #expect(outcome.end == .stopped("Ctrl-C"))
        #expect(try await store.resumeInfo().nextBatchIndex == 2)
        #expect(try await store.info().status == .stopped)
    }

    /// Before, pass % was 100/100 at the end of `run` and 75/50 after `--resume` (the restore counted only
    /// accepted samples as passed, and no rejection): the same figures must come back from the store.
    @Test func aResumedRunRestoresTheSameFigures() async throws {
        let graph = PipelineGraphBox(RunFixtures.graph(count: 30, batch: 6))
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 4)
        let finished = try await loop(store, graph: graph, seed: 4).run().progress
        #expect(finished.arms.contains { $0.passed > $0.accepted }, "the last batch left surplus samples")
        let resumed = loop(store, graph: graph, seed: 4)
        _ = try await resumed.restore()
        let restored = await resumed.progress
        for (before, after) in zip(finished.arms, restored.arms) {
            #expect(before.passed == after.passed && before.accepted == after.accepted && before.pulls == after.pulls, "\(before.name)")
            #expect(before.acceptanceRate == after.acceptanceRate)
            #expect(before.rejections == after.rejections, "\(before.name)")
        }
        let rows = try await store.armSummaries()
        for arm in finished.arms {
            #expect(rows.first { $0.arm == arm.name }?.passRate == arm.acceptanceRate, "the card's pass % is the summary's")
        }
    }

    @Test func rejectionsCarryTheirReasonsAndTheRouterLearns() async throws {
        let graph = PipelineGraphBox(RunFixtures.graph(count: 60, batch: 6, policy: "gaussian_thompson"))
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 5)
        let outcome = try await loop(store, graph: graph, seed: 5).run()
        let arms = Dictionary(uniqueKeysWithValues: outcome.progress.arms.map { ($0.name, $0) })
        #expect(arms["junky"]?.rejections["unreadable output: truncated JSON"] ?? 0 > 0)
        #expect(arms["repetitive"]?.rejections["duplicate"] ?? 0 > 0)
        // The clean arm ends up with the most pulls and the best mean reward.
        let best = outcome.progress.arms.max { $0.meanReward < $1.meanReward }
        #expect(best?.name == "good")
        #expect(arms["good"]!.pulls > arms["junky"]!.pulls)
    }
}

/// PipelineGraph is large; boxing it keeps test helpers' signatures short.
struct PipelineGraphBox: Sendable {
    let value: GenPipeline.PipelineGraph
    init(_ value: GenPipeline.PipelineGraph) { self.value = value }
}

@Suite struct StoredPoolFiguresTests {
    @Test func eachBatchStoresThePoolAfterItsOwnAcceptedSamples() async throws {
        // The first batch used to store the pool before it (pool_size 0, Vendi 0.000 in the report).
        let graph = PipelineGraphBox(RunFixtures.graph(count: 8, batch: 4))
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 3)
        let run = AdaptiveRun(graph: graph.value, arms: RunFixtures.arms, quality: FakeQuality(), reward: DefaultReward(), store: store,
                              configuration: RunConfiguration(seed: 3, targetCount: 8, batchSize: 4))
        _ = try await run.run()
        let accepted = try await store.acceptedSamples()
        for batch in try await store.batches() {
            let acceptedSoFar = accepted.count { $0.batchIndex <= batch.index }
            #expect(batch.metrics["pool_size"]?.doubleValue == Double(acceptedSoFar), "batch \(batch.index + 1)")
        }
        #expect(try await store.batches().first?.metrics["pool_size"]?.doubleValue ?? 0 > 0)
    }
}
