import Foundation
import GenCore
import Testing
@testable import GenStore

/// Damage below the rows: a lost write-ahead log, a file SQLite cannot read, JSON that is not JSON.
@Suite struct StoreFileCheckTests {
    /// Copies the store's files while its connection is open: what a killed `gen run` leaves behind.
    private func killedCopy(of source: TemporaryDirectory, into target: TemporaryDirectory) throws {
        for name in [RunStore.databaseName, "run.sqlite-wal", "run.sqlite-shm", "dataset.jsonl"] {
            try FileManager.default.copyItem(at: source.child(name), to: target.child(name))
        }
    }

    /// Before: the store opened read-write, got a fresh schema, and said "holds no run".
    @Test func aLogDeletedBeforeAnyCheckpointIsExplainedAndNothingIsMadeUp() async throws {
        let (source, copy) = (try TemporaryDirectory("source"), try TemporaryDirectory("copy"))
        defer { source.remove(); copy.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: source.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "only in the log")])
        try await store.export()
        try killedCopy(of: source, into: copy)
        await store.close()
        try FileManager.default.removeItem(at: copy.child("run.sqlite-wal"))

        let damage = try #require(Damage.openingDamage(copy))
        #expect(damage.findings.map(\.kind) == [.lostLog])
        #expect(damage.description.contains("the write-ahead log run.sqlite-wal is gone, and with it the run's last writes"))
        for _ in 0..<2 {  // looking keeps the evidence
            let examination = try StoreDoctor.examine(copy.url)
            #expect(examination.findings.map(\.kind) == [.lostLog, .runRow])
            #expect(examination.findings[0].detail.contains("none of them copied into run.sqlite"))
            #expect(examination.findings[0].detail.hasSuffix("the store holds what was checkpointed: no run: nothing had been copied into run.sqlite"))
            #expect(!examination.findings[0].isRepairable)
        }
        let repair = try StoreDoctor.repair(copy.url)
        #expect(repair.actions.isEmpty)
        #expect(try StoreDoctor.examine(copy.url).findings.map(\.kind) == [.lostLog, .runRow])
    }

    @Test func aLogDeletedAfterACheckpointLeavesTheCheckpointedBatchesToResumeFrom() async throws {
        let (source, copy) = (try TemporaryDirectory("source"), try TemporaryDirectory("copy"))
        defer { source.remove(); copy.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: source.url, options: Fixtures.noSecrets)
        for index in 0..<2 {
            try await store.record(batch: Fixtures.batch(index), candidates: [Fixtures.accepted(slot: 0, text: "kept \(index)")])
        }
        let checkpoint = try SQLiteConnection(path: source.child(RunStore.databaseName).path)
        try checkpoint.execute("PRAGMA wal_checkpoint(PASSIVE)")
        try await store.record(batch: Fixtures.batch(2), candidates: [Fixtures.accepted(slot: 0, text: "lost")])
        try await store.export()
        try killedCopy(of: source, into: copy)
        await store.close()
        try FileManager.default.removeItem(at: copy.child("run.sqlite-wal"))

        let examination = try StoreDoctor.examine(copy.url)
        #expect(examination.findings.map(\.kind) == [.lostLog])
        #expect(examination.findings[0].detail.hasSuffix("the store holds what was checkpointed: 2 of 400 accepted samples in 2 batches"))
        #expect(Damage.openingDamage(copy, access: .readOnly)?.findings.map(\.kind) == [.lostLog])

        let repair = try StoreDoctor.repair(copy.url)
        #expect(repair.after.isHealthy)
        #expect(repair.actions.first == "gave up the lost write-ahead log: the run continues from what run.sqlite holds "
                + "(2 of 400 accepted samples in 2 batches) and is marked stopped")
        #expect(repair.actions.last?.hasPrefix("kept dataset.jsonl (3 lines, 1 more than the store holds) as dataset.before-doctor.jsonl") == true)
        #expect(try String(contentsOf: copy.child("dataset.before-doctor.jsonl"), encoding: .utf8).contains("lost"))
        let reopened = try RunStore(opening: copy.url, options: Fixtures.noSecrets)
        #expect(try await reopened.resumeInfo().nextBatchIndex == 2)
        #expect(try await reopened.info().status == .stopped)
    }

    @Test func aFileSQLiteCannotReadIsFileDamageAndIsLeftAlone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 40)
        let handle = try FileHandle(forWritingTo: directory.child(RunStore.databaseName))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096 * 3))
        try handle.close()
        let examination = try StoreDoctor.examine(directory.url)
        #expect(examination.findings.map(\.kind) == [.fileDamage])
        #expect(examination.findings[0].remedy.description.contains(".recover"))
        #expect(try StoreDoctor.repair(directory.url).actions.isEmpty)
    }

    @Test func textThatIsNotJSONIsNamedByColumnAndReset() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 2)
        try Damage.tamper(directory, """
            UPDATE candidates SET scores_json = 'oops' WHERE slot = 1;
            UPDATE batches SET router_state_json = '{"eps' WHERE batch_index = 1
            """)
        let damage = try #require(Damage.openingDamage(directory))
        #expect(damage.findings.map(\.detail) == [
            "batches.router_state_json (router state): 1 row holds something other than JSON",
            "candidates.scores_json (scores): 2 rows hold something other than a JSON object",
        ])
        let repair = try StoreDoctor.repair(directory.url)
        #expect(repair.actions == ["reset batches.router_state_json in 1 row", "reset candidates.scores_json in 2 rows"])
        let store = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        #expect(try await store.resumeInfo().routerState == .object(["after": .int(0)]), "batch 0's state")
    }

    @Test func aGraphThatDoesNotReadBackIsNamedInPlainWordsAndNotRepaired() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await Damage.store(directory, batches: 1)
        let check = StoreCheck(graphProblem: { graph in graph["spec"] == nil ? "`spec` is missing" : nil })
        #expect(try StoreDoctor.examine(directory.url, check: check).findings.map(\.detail)
                == ["runs.graph_json (the compiled pipeline graph): `spec` is missing"])
        try Damage.tamper(directory, "UPDATE runs SET graph_json = '{\"models\": ['")
        let damage = try #require(Damage.openingDamage(directory))
        #expect(damage.description.contains("runs.graph_json (the compiled pipeline graph): it is not JSON (it starts \"{\\\"models\\\": [\")"))
        #expect(damage.description.contains("= hint: the run cannot be resumed without its graph"))
        #expect(try StoreDoctor.repair(directory.url).after.findings.map(\.kind) == [.badGraph])
    }
}

extension StoreFinding.Remedy {
    var description: String {
        switch self {
        case .repair(let text), .manual(let text): return text
        }
    }
}
