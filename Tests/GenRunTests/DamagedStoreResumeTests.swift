import Foundation
import GenPipeline
import Testing
import GenCore
import GenStore
@testable import GenRun

/// A run whose store was damaged between sessions: the resume is refused until `StoreDoctor` repairs it,
/// then reaches its target with every intact sample kept once.
@Suite struct DamagedStoreResumeTests {
    func loop(_ store: RunStore, graph: PipelineGraph, maxCandidates: Int? = nil) -> AdaptiveRun {
        AdaptiveRun(graph: graph, arms: RunFixtures.arms, quality: FakeQuality(), reward: DefaultReward(), store: store,
                    configuration: RunConfiguration(seed: 5, targetCount: graph.spec.count, batchSize: graph.spec.batch,
                                                    maxCandidates: maxCandidates))
    }

    @Test func deletedRowsAreRepairedAndTheResumeKeepsEverySampleOnce() async throws {
        let graph = RunFixtures.graph(count: 20, batch: 4)
        let directory = RunFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try RunFixtures.newStore(directory, graph: graph, seed: 5)
        _ = try await loop(first, graph: graph, maxCandidates: 16).run()
        let kept = try await first.acceptedSamples().map(\.contentHash)
        await first.close()
        #expect(kept.count >= 3)

        // The row of the last batch and the first accepted entry, deleted as the sqlite3 shell would.
        let shell = try SQLiteConnection(path: directory.appendingPathComponent(RunStore.databaseName).path)
        try shell.execute("""
            PRAGMA foreign_keys = OFF;
            DELETE FROM batches WHERE batch_index = (SELECT MAX(batch_index) FROM batches);
            DELETE FROM accepted WHERE ordinal = 1
            """)
        let refusal = #expect(throws: StoreDamage.self) { try RunStore(opening: directory) }
        #expect(refusal?.findings.map(\.kind) == [.missingBatchRow, .unlistedAccepted])

        let repair = try StoreDoctor.repair(directory)
        #expect(repair.after.isHealthy, "\(repair.after.findings)")
        let reopened = try RunStore(opening: directory)
        let outcome = try await loop(reopened, graph: graph).run()
        #expect(outcome.end == .targetReached)
        let accepted = try await reopened.acceptedSamples()
        #expect(accepted.map(\.ordinal) == Array(1...20))
        #expect(Array(accepted.map(\.contentHash).prefix(kept.count)) == kept)
        #expect(Set(accepted.compactMap { $0.sample["text"]?.stringValue }).count == 20, "no sample twice")
    }
}
