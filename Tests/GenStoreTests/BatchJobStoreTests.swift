import Foundation
import Testing
@testable import GenStore

/// Schema version 5: the batch-API journal. Lines are claimable while open or delivered; the commit that follows a
/// delivery consumes them, in its own transaction; closed lines are never claimed.
@Suite struct BatchJobStoreTests {
    static let endpoint = "https://api.example.com/v1"

    @Test func linesAreClaimableUntilTheCommitThatFollowsTheirDelivery() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.recordBatchJob(
            batchID: "batch_1", endpoint: Self.endpoint, inputFileID: "file-1", status: "validating",
            lines: [("req-0", "h0"), ("req-1", "h1"), ("req-2", "h2")])
        try await store.updateBatchJob(batchID: "batch_1", status: "completed", outputFileID: "file-2", errorFileID: nil)
        #expect(try await store.claimableBatchJobLines(endpoint: Self.endpoint).map(\.requestHash) == ["h0", "h1", "h2"])
        #expect(try await store.claimableBatchJobLines(endpoint: "http://elsewhere/v1").isEmpty, "another server's batches are not claimed")
        try await store.markBatchJobLines(batchID: "batch_1", customIDs: ["req-0", "req-1"], state: "delivered")
        try await store.markBatchJobLines(batchID: "batch_1", customIDs: ["req-2"], state: "closed")
        // Delivered but not committed: a kill here must not make the resumed run pay again.
        #expect(try await store.claimableBatchJobLines(endpoint: Self.endpoint).map(\.customID) == ["req-0", "req-1"])
        _ = try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "one")])
        #expect(try await store.claimableBatchJobLines(endpoint: Self.endpoint).isEmpty)
        let jobs = try await store.batchJobs()
        #expect(jobs.count == 1 && jobs.first?.batchID == "batch_1" && jobs.first?.status == "completed" && jobs.first?.lines == 3)
        await #expect(throws: StoreError.self) { try await store.markBatchJobLines(batchID: "batch_1", customIDs: ["req-0"], state: "paid") }
    }

    @Test func aDiscoveryCommitConsumesDeliveredLinesToo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.recordBatchJob(batchID: "batch_1", endpoint: Self.endpoint, inputFileID: "file-1", status: "completed",
                                       lines: [("req-0", "h0")])
        try await store.markBatchJobLines(batchID: "batch_1", customIDs: ["req-0"], state: "delivered")
        try await store.record(discovered: DiscoveredAttribute(arm: "creative", dimension: "topic", label: nil, values: ["a"], calls: 1, tokens: 9))
        #expect(try await store.claimableBatchJobLines(endpoint: Self.endpoint).isEmpty)
    }

    /// A store written at version 4 gains the journal's tables when opened read-write, and its run goes on.
    @Test func aVersionFourStoreGainsTheJournal() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        _ = try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "one")])
        await store.close()
        try Damage.tamper(directory, """
            DROP TABLE batch_job_lines;
            DROP TABLE batch_jobs;
            DROP TABLE endpoint_traffic;
            DELETE FROM schema_version WHERE version >= 5;
            """)
        let reopened = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        #expect(try await reopened.claimableBatchJobLines(endpoint: Self.endpoint).isEmpty)
        _ = try await reopened.record(batch: Fixtures.batch(1), candidates: [Fixtures.accepted(slot: 0, text: "two")])
        #expect(try await reopened.resumeInfo().acceptedCount == 2)
    }
}
