/// Every row's parent exists (SQLite's foreign_key_check). Check outcomes of a candidate that is gone and
/// credit of an evaluation that is gone tell nothing any more and are deleted; rows pointing at no run are
/// left for a person to judge. Accepted entries and candidates are `AcceptedList`'s and `BatchRows`' to judge.
struct OrphanRows: StoreInvariant {
    /// Child table -> the statement that deletes its orphans.
    static let deletable: [String: String] = [
        "checks": "DELETE FROM checks WHERE NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = checks.candidate_id)",
        "evaluation_credit":
            "DELETE FROM evaluation_credit WHERE NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.id = evaluation_credit.evaluation_id)",
    ]
    static let ownedElsewhere: Set<String> = ["accepted>candidates", "candidates>batches"]
    /// What a table's rows are, in words.
    static let nouns: [String: String] = [
        "checks": "check outcomes", "evaluation_credit": "per-arm credits", "evaluations": "evaluations", "batches": "batches",
        "candidates": "candidates", "accepted": "accepted entries", "runs": "runs", "demotions": "demoted samples",
    ]

    func findings(_ database: SQLiteConnection, run: Int64) throws -> [StoreFinding] {
        var counts: [String: Int] = [:]
        for row in try database.query("PRAGMA foreign_key_check") {
            let pair = "\(try row.text("table"))>\(try row.text("parent"))"
            if !Self.ownedElsewhere.contains(pair) { counts[pair, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }.map { pair, count in
            let parts = pair.split(separator: ">").map(String.init)
            let (table, parent) = (parts[0], parts[1])
            let remedy: StoreFinding.Remedy = Self.deletable[table] != nil
                ? .repair("delete them: they describe \(Self.nouns[parent] ?? parent) that are gone")
                : .manual("gen cannot tell where they belong; look at them with `sqlite3 run.sqlite` and delete or fix them by hand")
            return StoreFinding(
                .orphanRows, rows: count,
                "\(count) \(Self.nouns[table] ?? table) (table \(table)) belong to \(Self.nouns[parent] ?? parent) that are gone", remedy)
        }
    }

    func repair(_ database: SQLiteConnection, run: Int64) throws -> [String] {
        try Self.deletable.sorted { $0.key < $1.key }.compactMap { table, statement in
            try database.query(statement)
            let count = database.changes
            return count > 0 ? "deleted \(count) \(Self.nouns[table] ?? table) whose \(table == "checks" ? "candidates" : "evaluations") were gone" : nil
        }
    }
}
