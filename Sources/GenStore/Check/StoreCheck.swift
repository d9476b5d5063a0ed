import Foundation
import GenCore

/// The consistency check of a run store: the rules `record` keeps, checked row by row, each with a repair.
///
/// `onOpen` is what every open of a run runs (resume, inspect, report): queries over what a resume reads
/// anyway. `full` (`gen doctor`) adds SQLite's integrity check, which reads every page of the file.
public struct StoreCheck: Sendable {
    public enum Depth: Sendable { case onOpen, full }

    public var depth: Depth
    /// Why the stored pipeline graph cannot be used, or nil; GenStore cannot decode a `PipelineGraph`.
    public var graphProblem: (@Sendable (JSONValue) -> String?)?

    public init(depth: Depth = .full, graphProblem: (@Sendable (JSONValue) -> String?)? = nil) {
        self.depth = depth
        self.graphProblem = graphProblem
    }

    /// In repair order: orphans go before the rows that could adopt them, batch rows before the accepted list
    /// that reads candidates, the accepted list before the JSON reset that would hide unreadable samples.
    var invariants: [any StoreInvariant] {
        [RunRow(graphProblem: graphProblem), OrphanRows(), BatchRows(), AcceptedList(), JSONColumns()]
    }

    /// The run's id and what breaks the rules, from one read snapshot. A file SQLite cannot read, or one
    /// without exactly one run, gives a finding and no id.
    func findings(_ database: SQLiteConnection) throws -> (run: Int64?, findings: [StoreFinding]) {
        do {
            return try database.transaction(.deferred) {
                if depth == .full, let damage = try FileIntegrity().findings(database, run: 0).first { return (nil, [damage]) }
                let (run, problem) = try Self.run(database)
                guard let id = run else { return (nil, problem.map { [$0] } ?? []) }
                return (id, try invariants.flatMap { try $0.findings(database, run: id) })
            }
        } catch let error as StoreError {
            return (nil, [StoreFinding(
                .fileDamage, rows: 1, "SQLite cannot read run.sqlite: \(error.message)",
                .manual("if it is a database at all, `sqlite3 run.sqlite .recover | sqlite3 recovered.sqlite` salvages what "
                        + "is readable; put that in place of run.sqlite and run `gen doctor` again"))])
        }
    }

    /// Throws `StoreDamage` naming every finding: how opening a run refuses a damaged store.
    func verify(_ database: SQLiteConnection, directory: URL) throws {
        let found = try findings(database).findings
        guard found.isEmpty else { throw StoreDamage(directory: directory, findings: found) }
    }

    /// The one run the store holds, or a finding saying why there is not exactly one.
    static func run(_ database: SQLiteConnection) throws -> (id: Int64?, problem: StoreFinding?) {
        let tables = Set(try database.query("SELECT name FROM sqlite_master WHERE type = 'table'").map { try $0.text("name") })
        let missingFirst = ["runs", "batches", "candidates", "checks", "accepted", "evaluations", "evaluation_credit", "cache"]
            .filter { !tables.contains($0) }
        let restart = StoreFinding.Remedy.manual("there is nothing to continue: start the run again")
        if missingFirst.count == 8 {
            return (nil, StoreFinding(.runRow, rows: 0, "run.sqlite holds no run: it has none of the store's tables", restart))
        }
        // Tables of later schema versions the store says it has (a version-1 store without them is fine).
        let hasVersions = tables.contains("schema_version")
        let versions = hasVersions ? try Migrator.appliedVersions(database).subtracting([SchemaV1.migration.version]) : []
        let missing = missingFirst + Migrator.requiredTables(versions: versions).filter { !tables.contains($0) }
        if !missing.isEmpty {
            return (nil, StoreFinding(
                .runRow, rows: missing.count, "run.sqlite lacks the table\(missing.count == 1 ? "" : "s") " + missing.joined(separator: ", "),
                .manual("gen cannot rebuild a table's rows; export what is readable with `sqlite3 run.sqlite .dump`")))
        }
        let ids = try database.query("SELECT id FROM runs ORDER BY id LIMIT 3").map { try $0.int64("id") }
        guard ids.count == 1, let id = ids.first else {
            let detail = ids.isEmpty ? "run.sqlite holds no run (the runs table is empty)" : "run.sqlite holds more than one run"
            return (nil, StoreFinding(.runRow, rows: ids.count, detail, restart))
        }
        return (id, nil)
    }
}
