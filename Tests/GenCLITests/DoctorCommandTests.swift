import Foundation
import Testing
import GenCore
import GenStore
import GenTestSupport
@testable import GenCLI

/// Damaged stores end to end: `gen run --resume`, `inspect` and `report` refuse them naming the damage,
/// `gen doctor` explains it, `--repair` fixes it, and the resumed run reaches its target with no duplicate.
@Suite(.serialized) struct DoctorCommandTests {
    let tool = GenTool.make()

    /// A finished 8-sample run against the stub server; the server keeps running for resumes.
    func finishedRun() async throws -> (server: StubHTTPServer, out: URL, dataset: [String]) {
        let server = try StubModelServer.start()
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 8).write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let code = await tool.run(["run", script.path, "--out", out.path, "--seed", "3"], console: CapturingConsole())
        #expect(code == 0)
        return (server, out, try datasetLines(out))
    }

    func datasetLines(_ out: URL) throws -> [String] {
        try String(contentsOf: out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// `gen run --resume` must succeed; the dataset it leaves.
    func resume(_ out: URL) async throws -> [String] {
        let resumed = await gen(["run", "--resume", out.path])
        #expect(resumed.code == 0, "\(resumed.err)")
        return try datasetLines(out)
    }

    /// SQL run as the sqlite3 shell runs it: foreign keys off.
    func tamper(_ out: URL, _ sql: String) throws {
        let connection = try SQLiteConnection(path: out.appendingPathComponent(RunStore.databaseName).path)
        try connection.execute("PRAGMA foreign_keys = OFF")
        try connection.execute(sql)
    }

    func gen(_ arguments: [String]) async -> (code: Int32, out: String, err: String) {
        let console = CapturingConsole()
        let code = await tool.run(arguments, console: console)
        return (code, console.stdoutText, console.stderrText)
    }

    /// Before: the resume failed with "UNIQUE constraint failed: accepted.run_id, accepted.ordinal" (exit 70).
    @Test func aDeletedAcceptedRowStopsResumeAndTheRepairRestoresIt() async throws {
        let run = try await finishedRun()
        defer { run.server.stop() }
        try tamper(run.out, "DELETE FROM accepted WHERE ordinal = 3")
        for command in [["run", "--resume", run.out.path], ["inspect", run.out.path], ["report", run.out.path]] {
            let refused = await gen(command)
            #expect(refused.code == 65, "\(command[0]): \(refused.err)")
            #expect(refused.err.contains("is damaged:\n  - batch"), "\(command[0]): \(refused.err)")
            #expect(refused.err.contains("but missing from the accepted list"))
            #expect(refused.err.contains("= hint: run `gen doctor \(run.out.path) --repair`"))
            #expect(!refused.err.contains("UNIQUE"))
        }
        let doctor = await gen(["doctor", run.out.path])
        #expect(doctor.code == 65)
        #expect(doctor.out.contains("  kind               rows  what\n  unlisted-accepted     1  batch"), "\(doctor.out)")
        #expect(doctor.out.contains("repair: put it back at its place in batch and slot order (#3)"))
        #expect(doctor.out.contains("hint: `gen doctor \(run.out.path) --repair` repairs it; nothing was changed"))

        let repair = await gen(["doctor", run.out.path, "--repair"])
        #expect(repair.code == 0, "\(repair.out)")
        #expect(repair.out.contains("repaired:\n  - restored batch"))
        #expect(repair.out.contains("after the repair:\n\(run.out.path): no damage found\nrun: "))
        #expect(try await resume(run.out) == run.dataset)
    }

    /// Before: the resume counted 8 accepted entries and exited 0 with 7 samples in dataset.jsonl.
    @Test func aDanglingEntryIsDroppedAndTheResumeMakesUpTheCount() async throws {
        let run = try await finishedRun()
        defer { run.server.stop() }
        try tamper(run.out, "DELETE FROM candidates WHERE id = (SELECT candidate_id FROM accepted WHERE ordinal = 5)")
        let refused = await gen(["run", "--resume", run.out.path])
        #expect(refused.code == 65)
        #expect(refused.err.contains("accepted #5 points at a candidate that is gone: its sample is lost"), "\(refused.err)")

        let repair = await gen(["doctor", run.out.path, "--repair"])
        #expect(repair.code == 0, "\(repair.out)")
        #expect(repair.out.contains("  - dropped accepted #5: its candidate was gone\n"))
        #expect(repair.out.contains("marked stopped"))
        #expect(repair.out.contains("continue with: gen run --resume \(run.out.path)"))
        let lines = try await resume(run.out)
        #expect(lines.count == 8)
        #expect(Set(lines).count == 8, "no duplicate")
        var survivors = run.dataset
        survivors.remove(at: 4)
        #expect(Array(lines.prefix(7)) == survivors)
    }

    /// Before: the next batch took the deleted row's id and failed on UNIQUE constraint candidates.batch_id, candidates.slot.
    @Test func aDeletedBatchRowIsRebuiltAndTheRunResumes() async throws {
        let run = try await finishedRun()
        defer { run.server.stop() }
        try tamper(run.out, """
            DELETE FROM batches WHERE batch_index = (SELECT MAX(batch_index) FROM batches);
            DELETE FROM accepted WHERE ordinal = 8
            """)
        #expect(await gen(["run", "--resume", run.out.path]).code == 65)
        let doctor = await gen(["doctor", run.out.path])
        #expect(doctor.out.contains("missing-batch-row"))
        #expect(doctor.out.contains("unlisted-accepted"))
        #expect(await gen(["doctor", run.out.path, "--repair"]).code == 0)
        #expect(try await resume(run.out) == run.dataset)
    }

    /// Before: `gen run --resume` printed Swift's DecodingError (keyNotFound(CodingKeys(...))).
    @Test func aBrokenGraphIsExplainedInPlainWords() async throws {
        let run = try await finishedRun()
        defer { run.server.stop() }
        try tamper(run.out, #"UPDATE runs SET graph_json = json_remove(graph_json, '$.spec.count')"#)
        let resumed = await gen(["run", "--resume", run.out.path])
        #expect(resumed.code == 65)
        #expect(resumed.err.contains("runs.graph_json (the compiled pipeline graph): the stored pipeline graph does not read back: "
                                     + "`spec.count` is missing"), "\(resumed.err)")
        #expect(resumed.err.contains("= hint: the run cannot be resumed without its graph"))
        #expect(!resumed.err.contains("CodingKeys") && !resumed.err.contains("keyNotFound"))
        let doctor = await gen(["doctor", run.out.path, "--repair"])
        #expect(doctor.code == 65)
        #expect(doctor.out.contains("bad-graph"))
        #expect(doctor.out.contains("cannot repair: the run cannot be resumed without its graph"))
        #expect(doctor.out.contains("repaired: nothing (no finding can be repaired by gen)"))
    }

    /// Before: the resume opened the file without its log, made a fresh schema and said "holds no run".
    @Test func aDeletedLogAfterAKillIsExplained() async throws {
        let run = try await finishedRun()
        defer { run.server.stop() }
        let killed = run.out.deletingLastPathComponent().appendingPathComponent("killed")
        try FileManager.default.createDirectory(at: killed, withIntermediateDirectories: true)
        // A writer that never closes: what it wrote lives in the log, as in a run killed mid-way.
        let writer = try SQLiteConnection(path: run.out.appendingPathComponent(RunStore.databaseName).path)
        try writer.execute("UPDATE runs SET status = 'running', ended_at = NULL")
        for name in ["run.sqlite", "run.sqlite-wal", "run.sqlite-shm"] {
            try FileManager.default.copyItem(at: run.out.appendingPathComponent(name), to: killed.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: killed.appendingPathComponent("run.sqlite-wal"))

        let resumed = await gen(["run", "--resume", killed.path])
        #expect(resumed.code == 65)
        #expect(resumed.err.contains("the write-ahead log run.sqlite-wal is gone, and with it the run's last writes"), "\(resumed.err)")
        let doctor = await gen(["doctor", killed.path])
        #expect(doctor.code == 65)
        #expect(doctor.out.contains("lost-wal"))
        #expect(doctor.out.contains("the store holds what was checkpointed: 8 of 8 accepted samples in"), "\(doctor.out)")
        let repair = await gen(["doctor", killed.path, "--repair"])
        #expect(repair.code == 0, "\(repair.out)")
        #expect(repair.out.contains("gave up the lost write-ahead log"))
        #expect(await gen(["doctor", killed.path]).code == 0)
    }
}
