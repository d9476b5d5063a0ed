import Foundation
import GenCore
import GenGeneration
import GenPipeline
import GenStore
import Testing
@testable import GenRun

/// `spec { pipeline: D }`: up to D batches generating at once, each planned from the state D batches back, committed
/// in order, so a run depends on its seed and D alone, never on which request came back first.
@Suite struct PipelineRunTests {
    /// A seeded arm that answers after a random wait (the system's randomness, not the run's): batches finish
    /// out of order, as they do against real servers.
    struct JitteryArm: Arm {
        let inner: any Arm
        var name: String { inner.name }
        func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
            try await Task.sleep(nanoseconds: UInt64.random(in: 0...3_000_000))
            return try await inner.generate(slots, context: context)
        }
    }

    static let jitteryArms: [String: any Arm] = RunFixtures.arms.mapValues { JitteryArm(inner: $0) }

    func loop(_ store: RunStore, graph: PipelineGraph, seed: UInt64, depth: Int, maxCandidates: Int? = nil,
              observer: (any RunObserver)? = nil, stop: StopSignal = StopSignal()) -> AdaptiveRun {
        AdaptiveRun(graph: graph, arms: Self.jitteryArms, quality: FakeQuality(), reward: DefaultReward(), store: store,
                    configuration: RunConfiguration(seed: seed, targetCount: graph.spec.count, batchSize: graph.spec.batch,
                                                    maxCandidates: maxCandidates, pipelineDepth: depth),
                    observer: observer, stop: stop)
    }

    /// Every stored candidate, batch by batch: what a run made of its seed.
    func stored(_ store: RunStore) async throws -> [[CandidateRecord]] {
        let count = try await store.resumeInfo().nextBatchIndex
        var batches: [[CandidateRecord]] = []
        for index in 0..<count { batches.append(try await store.candidates(batch: index).map(\.record)) }
        return batches
    }

    @Test func aPipelinedRunIsTheSameWhateverTheTiming() async throws {
        let graph = RunFixtures.graph(count: 40, batch: 4)
        var runs: [[[CandidateRecord]]] = []
        for _ in 0..<2 {
            let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 21)
            let outcome = try await loop(store, graph: graph, seed: 21, depth: 4).run()
            #expect(outcome.end == .targetReached)
            #expect(try await store.acceptedCount() == 40)
            #expect(try await store.batches().map(\.index) == Array(0..<(try await store.resumeInfo().nextBatchIndex)))
            runs.append(try await stored(store))
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0].count > 10)
    }

    @Test func depthOneIsOneBatchAtATime() async throws {
        // The default and `pipeline: 1` are the loop as it always was: the same stored run.
        let graph = RunFixtures.graph(count: 20, batch: 4)
        let first = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 8)
        _ = try await AdaptiveRun(
            graph: graph, arms: RunFixtures.arms, quality: FakeQuality(), reward: DefaultReward(), store: first,
            configuration: RunConfiguration(seed: 8, targetCount: 20, batchSize: 4)).run()
        let second = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 8)
        _ = try await loop(second, graph: graph, seed: 8, depth: 1).run()
        #expect(try await stored(first) == stored(second))
        #expect(RunConfiguration(seed: 1, targetCount: 1, batchSize: 1).pipelineDepth == 1)
    }

    @Test func aStoppedPipelinedRunResumesWithoutLosingOrRepeatingASample() async throws {
        actor StopAfter: RunObserver {
            let stop: StopSignal
            init(_ stop: StopSignal) { self.stop = stop }
            func batchFinished(_ progress: RunProgress) async { if progress.batchIndex == 3 { stop.request("SIGTERM") } }
        }
        let graph = RunFixtures.graph(count: 48, batch: 4)
        let directory = RunFixtures.temporaryDirectory()
        let stop = StopSignal()
        let store = try RunFixtures.newStore(directory, graph: graph, seed: 5)
        let stopped = try await loop(store, graph: graph, seed: 5, depth: 6, observer: StopAfter(stop), stop: stop).run()
        #expect(stopped.end == .stopped("SIGTERM"))
        // The oldest batch in flight was written; the five after it were dropped, never half stored.
        #expect(try await store.resumeInfo().nextBatchIndex == 3)
        #expect(try await store.info().status == .stopped)
        let before = try await store.acceptedSamples()
        await store.close()

        let reopened = try RunStore(opening: directory)
        let resumed = try await loop(reopened, graph: graph, seed: 5, depth: 6).run()
        #expect(resumed.end == .targetReached)
        let accepted = try await reopened.acceptedSamples()
        #expect(accepted.count == 48)
        #expect(Array(accepted.prefix(before.count)) == before)
        #expect(Set(accepted.map(\.contentHash)).count == 48)
        #expect(accepted.map(\.ordinal) == Array(1...48))
    }

    @Test func aBudgetEndsAPipelinedRunWithoutStartingBatchesItCannotPayFor() async throws {
        let graph = RunFixtures.graph(count: 1000, batch: 4)
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 3)
        let outcome = try await loop(store, graph: graph, seed: 3, depth: 8, maxCandidates: 22).run()
        #expect(outcome.end == .budgetSpent("max_candidates 22 reached"))
        #expect(try await store.info().status == .stopped)
        // As at depth 1, the batch that reaches the budget is written whole: 24 candidates, never 8 batches' worth.
        #expect(outcome.progress.candidates == 24)
    }

    @Test func batchesInFlightCountTowardsWhatTheTargetStillNeeds() {
        // 10 still needed, no pass rate yet: batches in flight with 6 slots leave 4 to ask for.
        #expect(BatchSlots.count(batchSize: 8, target: 10, accepted: 0, passed: 0, candidates: 0, pending: 6) == 4)
        #expect(BatchSlots.count(batchSize: 8, target: 10, accepted: 0, passed: 0, candidates: 0, pending: 10) == 0)
        // Half pass: 20 slots in flight should bring the 10; 12 in flight leave 4 samples, 8 slots + 1.
        #expect(BatchSlots.count(batchSize: 16, target: 30, accepted: 20, passed: 10, candidates: 20, pending: 20) == 0)
        #expect(BatchSlots.count(batchSize: 16, target: 30, accepted: 20, passed: 10, candidates: 20, pending: 12) == 9)
        // Nothing in flight: as before.
        #expect(BatchSlots.count(batchSize: 16, target: 30, accepted: 20, passed: 10, candidates: 20) == 16)
    }
}
