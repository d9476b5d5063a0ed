import Foundation

/// `gen doctor`: looks at a run directory without changing it, and repairs what can be repaired in one
/// transaction. Both read the log's index before SQLite opens the store, since opening resets it.
public enum StoreDoctor {
    public static func examine(_ directory: URL, check: StoreCheck = StoreCheck()) throws -> StoreExamination {
        try examine(directory, check: check, holdingLock: false)
    }

    /// Repairs every repairable finding, or nothing when the file itself is damaged or holds no run.
    /// Takes the run's lock: a run being written is not repaired under its writer.
    public static func repair(_ directory: URL, check: StoreCheck = StoreCheck()) throws -> StoreRepairReport {
        let lock = try RunDirectoryLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        let before = try examine(directory, check: check, holdingLock: true)
        guard before.findings.contains(where: \.isRepairable), let facts = before.facts,
              !before.findings.contains(where: { $0.kind == .fileDamage }) else {
            return StoreRepairReport(before: before, actions: [], after: before)
        }
        var actions: [String] = []
        do {
            // Read-write: SQLite starts a fresh log; closing it at the end of this scope checkpoints and removes it.
            let database = try SQLiteConnection(path: databasePath(directory))
            guard let run = try StoreCheck.run(database).id else { return StoreRepairReport(before: before, actions: [], after: before) }
            try database.transaction {
                for invariant in check.invariants { actions += try invariant.repair(database, run: run) }
                if before.findings.contains(where: { $0.kind == .lostLog }) {
                    actions += try settleLostLog(database, run: run, facts: facts)
                }
            }
        }
        let after = try examine(directory, check: check, holdingLock: true)
        if let accepted = after.facts?.accepted, let copy = try keepDataset(directory, accepted: accepted) { actions.append(copy) }
        return StoreRepairReport(before: before, actions: actions, after: after)
    }

    static func examine(_ directory: URL, check: StoreCheck, holdingLock: Bool) throws -> StoreExamination {
        let path = databasePath(directory)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError(.notFound, "no run store at \(path)") }
        var notes: [String] = []
        let live = !holdingLock && isInUse(directory)
        if live { notes.append("a gen process is writing this run now: what is found may change as it writes") }
        let lostLog = live ? nil : WriteAheadLog.loss(databasePath: path)
        // Without its log the file is read as it is, so the log's index stays for the next look (and the repair).
        let database = try SQLiteConnection(path: path, readOnly: true, immutable: lostLog != nil)
        var (run, findings) = try check.findings(database)
        let facts = try run.flatMap { try StoreFacts.read(database, run: $0) }
        if let run, check.depth == .full { notes += try SlotCounts.notes(database, run: run) }
        if let lostLog {
            findings.insert(
                lostLog.finding(remaining: facts?.holding ?? "no run: nothing had been copied into run.sqlite", recoverable: facts != nil),
                at: 0)
        }
        if facts?.status == "running", !live {
            notes.append("the run is marked running but no process holds it: it was killed or crashed; `gen run --resume` continues it")
        }
        return StoreExamination(findings: findings, facts: facts, notes: notes)
    }

    static func databasePath(_ directory: URL) -> String {
        directory.appendingPathComponent(RunStore.databaseName).path
    }

    /// Whether another process holds the run's lock (a `gen run` writing it).
    static func isInUse(_ directory: URL) -> Bool {
        do {
            _ = try RunDirectoryLock(directory: directory)
            return false
        } catch let error as StoreError {
            return error.kind == .locked
        } catch {
            return false
        }
    }

    /// The run whose last writes went with the log is stopped where the store's copy ends.
    private static func settleLostLog(_ database: SQLiteConnection, run: Int64, facts: StoreFacts) throws -> [String] {
        try database.query(
            "UPDATE runs SET status = 'stopped', status_detail = ?, ended_at = COALESCE(ended_at, ?) WHERE id = ? AND status = 'running'",
            [.text("its write-ahead log was lost after it stopped; it continues from what was checkpointed"),
             .real(Date().timeIntervalSince1970), .integer(run)])
        return ["gave up the lost write-ahead log: the run continues from what run.sqlite holds (\(facts.holding))"
                + (database.changes > 0 ? " and is marked stopped" : "")]
    }

    /// A dataset.jsonl written before the damage may hold samples the store lost; resuming rewrites it from
    /// the store, so a copy is kept first.
    private static func keepDataset(_ directory: URL, accepted: Int) throws -> String? {
        let dataset = directory.appendingPathComponent(ExportOptions().datasetName)
        guard let data = FileManager.default.contents(atPath: dataset.path) else { return nil }
        let lines = data.split(separator: UInt8(ascii: "\n")).count
        guard lines > accepted else { return nil }
        var copy = directory.appendingPathComponent("dataset.before-doctor.jsonl")
        var number = 1
        while FileManager.default.fileExists(atPath: copy.path) {
            number += 1
            copy = directory.appendingPathComponent("dataset.before-doctor-\(number).jsonl")
        }
        do {
            try FileManager.default.copyItem(at: dataset, to: copy)
        } catch {
            throw StoreError(.io(errno: 0), "cannot keep a copy of \(dataset.path): \(error.localizedDescription)")
        }
        return "kept \(dataset.lastPathComponent) (\(lines) lines, \(lines - accepted) more than the store holds) as "
            + "\(copy.lastPathComponent): resuming rewrites \(dataset.lastPathComponent) from the store"
    }
}
