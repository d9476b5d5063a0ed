import GenCore

/// The run row reads back: a 64-bit seed and a pipeline graph that decodes. Neither can be made up again,
/// so neither is repaired; the accepted samples stay exportable.
struct RunRow: StoreInvariant {
    /// Why the stored graph cannot be used, or nil; GenStore knows no `PipelineGraph`, its caller does.
    var graphProblem: (@Sendable (JSONValue) -> String?)?

    func findings(_ database: SQLiteConnection, run: Int64) throws -> [StoreFinding] {
        guard let row = try database.query("SELECT seed, graph_json FROM runs WHERE id = ?", [.integer(run)]).first else { return [] }
        var findings: [StoreFinding] = []
        if UInt64(try row.text("seed")) == nil {
            findings.append(StoreFinding(
                .runRow, rows: 1, "runs.seed is not an unsigned 64-bit integer",
                .manual("the seed cannot be guessed: start a new run from the script")))
        }
        let text = try row.text("graph_json")
        if let graph = CanonicalJSON.parse(text) {
            if let problem = graphProblem?(graph) { findings.append(.badGraph(problem)) }
        } else {
            findings.append(.badGraph("it is not JSON (it starts \(String(reflecting: String(text.prefix(40)))))"))
        }
        return findings
    }

    func repair(_ database: SQLiteConnection, run: Int64) throws -> [String] { [] }
}

/// SQLite's own check of the file: b-trees, indexes and pages. Damage there is below anything gen can
/// repair row by row; SQLite's `.recover` salvages what is readable.
struct FileIntegrity: StoreInvariant {
    func findings(_ database: SQLiteConnection, run: Int64) throws -> [StoreFinding] {
        let problems = try database.query("PRAGMA integrity_check(20)").map { try $0.text("integrity_check") }
        guard problems != ["ok"] else { return [] }
        return [StoreFinding(
            .fileDamage, rows: problems.count, "SQLite's integrity check fails: " + problems.prefix(3).joined(separator: "; "),
            .manual("copy what SQLite can still read into a new file: `sqlite3 run.sqlite .recover | sqlite3 recovered.sqlite`, "
                    + "then put it in place of run.sqlite and run `gen doctor` again"))]
    }

    func repair(_ database: SQLiteConnection, run: Int64) throws -> [String] { [] }
}
