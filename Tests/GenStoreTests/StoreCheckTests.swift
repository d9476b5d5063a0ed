import Foundation
import GenCore
import Testing
@testable import GenStore

/// Rows deleted or changed behind the store's back: opening names the damage, and the repair makes
/// resume work without losing or repeating an intact accepted sample.
@Suite struct StoreCheckTests {
    @Test func aHealthyStoreHasNoFindings() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 3)
        let examination = try StoreDoctor.examine(directory.url)
        #expect(examination.findings.isEmpty)
        #expect(examination.notes.isEmpty)
        #expect(examination.facts?.holding == "6 of 400 accepted samples in 3 batches")
        #expect(Damage.openingDamage(directory) == nil)
        let repair = try StoreDoctor.repair(directory.url)
        #expect(repair.actions.isEmpty)
    }

    /// A table of a schema version the store records is missing: opening names it (before, only the first version's
    /// tables were checked, and the first query of the missing one failed mid-run).
    @Test func aMissingTableOfALaterVersionIsNamedOnOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 1)
        try Damage.tamper(directory, "DROP TABLE endpoint_traffic")
        let damage = try #require(Damage.openingDamage(directory))
        #expect(damage.description.contains("run.sqlite lacks the table endpoint_traffic"), "\(damage.description)")
    }

    /// Before: the store opened, and the next batch failed on UNIQUE constraint accepted.run_id, accepted.ordinal.
    @Test func aDeletedAcceptedRowIsNamedOnOpenAndRestoredInPlace() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hashes = try await Damage.store(directory, batches: 3)
        try Damage.tamper(directory, "DELETE FROM accepted WHERE ordinal = 3")
        let damage = try #require(Damage.openingDamage(directory))
        #expect(damage.findings.map(\.kind) == [.unlistedAccepted])
        #expect(damage.description.contains("batch 1 slot 0 is accepted, with an intact sample, but missing from the accepted list"))
        #expect(damage.description.contains("gen doctor \(directory.url.path) --repair"))

        let repair = try StoreDoctor.repair(directory.url)
        #expect(repair.actions == ["restored batch 1 slot 0 as #3 to the accepted list"])
        #expect(repair.after.isHealthy)
        #expect(try Damage.listed(directory) == Dictionary(uniqueKeysWithValues: hashes.enumerated().map { ($0 + 1, $1) }))
        let store = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        let receipt = try await store.record(batch: Fixtures.batch(3), candidates: [Fixtures.accepted(slot: 0, text: "after")])
        #expect(receipt.acceptedOrdinals == [7])
    }

    /// Before: the run counted 6 accepted samples and exported 5; a resume "completed" one short.
    @Test func aDanglingAcceptedEntryIsDroppedAndACompletedRunReopens() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hashes = try await Damage.store(directory, batches: 3)
        try Damage.tamper(directory, """
            UPDATE runs SET status = 'completed', target_count = 6;
            DELETE FROM candidates WHERE id = (SELECT candidate_id FROM accepted WHERE ordinal = 2)
            """)
        let damage = try #require(Damage.openingDamage(directory, access: .readOnly))
        #expect(damage.findings.map(\.kind) == [.orphanRows, .lostSample, .ordinals])
        #expect(damage.findings[0].detail == "2 check outcomes (table checks) belong to candidates that are gone")
        #expect(damage.findings[1].detail == "accepted #2 points at a candidate that is gone: its sample is lost")

        let repair = try StoreDoctor.repair(directory.url)
        #expect(repair.after.isHealthy)
        #expect(repair.actions.contains("dropped accepted #2: its candidate was gone"))
        #expect(repair.actions.contains { $0.hasPrefix("the run was marked completed but now holds 5 samples") })
        var expected = hashes
        expected.remove(at: 1)
        #expect(try Damage.listed(directory) == Dictionary(uniqueKeysWithValues: expected.enumerated().map { ($0 + 1, $1) }))
        let store = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        #expect(try await store.info().status == .stopped)
        #expect(try await store.acceptedCount() == 5)
    }

    /// Before: the next batch took the deleted row's id and failed on UNIQUE constraint candidates.batch_id, candidates.slot.
    @Test func aDeletedLastBatchRowIsRebuiltFromItsCandidates() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 3)
        try Damage.tamper(directory, "DELETE FROM batches WHERE batch_index = 2")
        let damage = try #require(Damage.openingDamage(directory))
        #expect(damage.findings.map(\.kind) == [.missingBatchRow])
        #expect(damage.findings[0].detail == "the row of batch 2 is gone; 3 candidates remain")

        let repair = try StoreDoctor.repair(directory.url)
        #expect(repair.actions == ["rebuilt the row of batch 2 from its candidates"])
        #expect(repair.after.isHealthy)
        let store = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        let info = try await store.resumeInfo()
        #expect(info.nextBatchIndex == 3)
        #expect(info.routerState == .object(["after": .int(1)]), "the state stored before the lost row")
        #expect(try await store.batches().last?.allocation == ["conservative": 1, "creative": 2])
        #expect(try await store.batches().last?.tokens == 42 + 7 + 42)
        try await store.record(batch: Fixtures.batch(3), candidates: [Fixtures.accepted(slot: 0, text: "after")])
        #expect(try await store.acceptedCount() == 7)
    }

    @Test func aBatchGoneWithItsCandidatesIsRecordedEmptyAndOrdinalsClose() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hashes = try await Damage.store(directory, batches: 3)
        try Damage.tamper(directory, """
            DELETE FROM checks WHERE candidate_id IN (SELECT id FROM candidates WHERE batch_index = 1);
            DELETE FROM accepted WHERE candidate_id IN (SELECT id FROM candidates WHERE batch_index = 1);
            DELETE FROM candidates WHERE batch_index = 1;
            DELETE FROM batches WHERE batch_index = 1
            """)
        let examination = try StoreDoctor.examine(directory.url)
        #expect(examination.findings.map(\.kind) == [.missingBatch, .ordinals])
        #expect(examination.findings[1].detail.contains("#5 should be #3, ..., #6 should be #4"))
        let repair = try StoreDoctor.repair(directory.url)
        #expect(repair.after.isHealthy)
        #expect(try Damage.listed(directory) == [1: hashes[0], 2: hashes[1], 3: hashes[4], 4: hashes[5]])
        let store = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        #expect(try await store.batches().map(\.index) == [0, 1, 2])
    }

    @Test func verdictsThatDisagreeFollowTheReasons() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 2)
        // #1's flag was flipped (no reason: it was accepted); #2 got reasons too (its rejection stands).
        try Damage.tamper(directory, """
            UPDATE candidates SET accepted = 0 WHERE id = (SELECT candidate_id FROM accepted WHERE ordinal = 1);
            UPDATE candidates SET accepted = 0, reasons_json = '["too short"]' WHERE id = (SELECT candidate_id FROM accepted WHERE ordinal = 2)
            """)
        let examination = try StoreDoctor.examine(directory.url)
        #expect(examination.findings.map(\.kind) == [.rejectedInList, .unflaggedAccepted, .ordinals])
        #expect(examination.findings[0].detail.contains("but the candidate was rejected (too short)"))
        let repair = try StoreDoctor.repair(directory.url)
        #expect(repair.after.isHealthy)
        #expect(try Damage.listed(directory).count == 3)
    }

    /// Not damage (a host may record batches its own way), but worth saying: rows were probably deleted.
    @Test func aDeletedRejectedCandidateIsANoteNotDamage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 3)
        try Damage.tamper(directory, "DELETE FROM checks WHERE candidate_id = 2; DELETE FROM candidates WHERE id = 2")
        let examination = try StoreDoctor.examine(directory.url)
        #expect(examination.isHealthy)
        #expect(examination.notes == ["batch 0 (3 slots, 2 candidates) holds another number of candidates than the router gave "
                                      + "slots: candidate rows were probably deleted, and reports count them as never made"])
        #expect(Damage.openingDamage(directory) == nil)
    }
}
