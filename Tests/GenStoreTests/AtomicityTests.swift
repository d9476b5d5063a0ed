import Foundation
import GenCore
import Testing
@testable import GenStore

@Suite struct AtomicityTests {
    /// Row counts of every table a batch writes to.
    private func counts(_ directory: TemporaryDirectory) throws -> [String: Int] {
        let connection = try SQLiteConnection(path: directory.child(RunStore.databaseName).path, readOnly: true)
        var result: [String: Int] = [:]
        for table in ["batches", "candidates", "checks", "accepted"] {
            result[table] = try connection.query("SELECT COUNT(*) AS n FROM \(table)").first?.int("n")
        }
        return result
    }

    @Test func aFailureInsideTheBatchTransactionLeavesNoPartialBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "kept")])
        let before = try counts(directory)
        // Two candidates in slot 1: the batch row, slot 0 (accepted, with checks and an ordinal) and the first
        // slot 1 are already inserted when SQLite's UNIQUE constraint fails on the second.
        let broken = [Fixtures.accepted(slot: 0, text: "lost 1"), Fixtures.accepted(slot: 1, text: "lost 2"), Fixtures.rejected(slot: 1)]
        let error = await #expect(throws: StoreError.self) { try await store.record(batch: Fixtures.batch(1), candidates: broken) }
        #expect(error?.message.contains("UNIQUE constraint failed") == true)
        #expect(error?.sql?.contains("INSERT INTO candidates") == true)
        #expect(try counts(directory) == before)
        #expect(try await store.resumeInfo().nextBatchIndex == 1)
        // The same index records fine once the batch is valid, and ordinals continue without a gap.
        let receipt = try await store.record(batch: Fixtures.batch(1), candidates: [Fixtures.accepted(slot: 0, text: "next")])
        #expect(receipt.acceptedOrdinals == [2])
    }

    @Test func aBatchIndexOtherThanTheNextIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "a")])
        for index in [0, 2] {
            let error = await #expect(throws: StoreError.self) {
                try await store.record(batch: Fixtures.batch(index), candidates: [Fixtures.accepted(slot: 0, text: "again")])
            }
            #expect(error?.message.contains("next batch index is 1") == true)
        }
        #expect(try await store.acceptedCount() == 1)
    }

    @Test func invalidRecordsAreRefusedBeforeAnyWrite() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        var noSample = Fixtures.accepted(slot: 0, text: "x")
        noSample.sample = nil
        var nanReward = Fixtures.accepted(slot: 0, text: "x")
        nanReward.reward = .nan
        var infiniteScore = Fixtures.rejected(slot: 0)
        infiniteScore.scores["novelty"] = .infinity
        for candidate in [noSample, nanReward, infiniteScore] {
            await #expect(throws: StoreError.self) { try await store.record(batch: Fixtures.batch(0), candidates: [candidate]) }
        }
        #expect(try counts(directory).values.allSatisfy { $0 == 0 })
    }
}
