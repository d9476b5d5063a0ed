/// Every `*_json` column holds JSON of the shape the store reads back (an object where it reads members,
/// an array where it reads a list); a damaged one would stop a resume, an export or a report with an error
/// about one cell. A repair puts in the neutral value of each column, or drops a cache entry.
struct JSONColumns: StoreInvariant {
    struct Column {
        var table: String
        var name: String
        /// `object` or `array` when the store reads it as one; nil for any JSON.
        var shape: String?
        /// The SQL expression a damaged cell becomes; nil deletes the row (only for the cache).
        var replacement: String?
        /// Rows another invariant owns (accepted samples belong to `AcceptedList`).
        var filter: String = "1"
        var meaning: String
    }

    /// The reason a rejected candidate whose reasons were unreadable carries after a repair.
    static let resetReason = "unreadable in the run store (reset by gen doctor)"

    static let columns: [Column] = [
        Column(table: "batches", name: "allocation_json", shape: "object", replacement: "'{}'", meaning: "slots per arm"),
        Column(table: "batches", name: "router_state_json", shape: nil, replacement: "'null'", meaning: "router state"),
        Column(table: "batches", name: "rng_state_json", shape: "object", replacement: "'{}'", meaning: "generator states"),
        Column(table: "batches", name: "metrics_json", shape: nil, replacement: "'{}'", meaning: "batch metrics"),
        Column(table: "candidates", name: "arm_parameters_json", shape: nil, replacement: "'{}'", meaning: "arm parameters"),
        Column(table: "candidates", name: "sample_json", shape: nil, replacement: "NULL",
               filter: "accepted = 0 AND NOT EXISTS (SELECT 1 FROM accepted a WHERE a.candidate_id = candidates.id)",
               meaning: "samples of rejected candidates (their raw text is kept)"),
        Column(table: "candidates", name: "reasons_json", shape: "array",
               replacement: "CASE WHEN accepted = 1 THEN '[]' ELSE '[\"\(resetReason)\"]' END", meaning: "rejection reasons"),
        Column(table: "candidates", name: "scores_json", shape: "object", replacement: "'{}'", meaning: "scores"),
        Column(table: "checks", name: "detail_json", shape: nil, replacement: "'null'", meaning: "check details"),
        Column(table: "evaluations", name: "metrics_json", shape: nil, replacement: "'{}'", meaning: "evaluation metrics"),
        Column(table: "evaluations", name: "router_state_json", shape: nil, replacement: "NULL", meaning: "router state after an evaluation"),
        Column(table: "cache", name: "value_json", shape: nil, replacement: nil, meaning: "cached check results"),
    ]

    func findings(_ database: SQLiteConnection, run: Int64) throws -> [StoreFinding] {
        try Self.columns.compactMap { column in
            let count = try database.query("SELECT COUNT(*) AS count FROM \(column.table) WHERE \(Self.damaged(column))")
                .first?.int("count") ?? 0
            guard count > 0 else { return nil }
            let expected = column.shape.map { "a JSON \($0)" } ?? "JSON"
            let remedy = column.replacement.map { "reset them to \($0 == "NULL" ? "nothing" : "an empty value"); the rest of each row is kept" }
                ?? "delete them (a cache is made again when needed)"
            return StoreFinding(
                .badJSON, rows: count,
                "\(column.table).\(column.name) (\(column.meaning)): \(Self.plural(count, "row")) hold\(count == 1 ? "s" : "") something "
                    + "other than \(expected)",
                .repair(remedy))
        }
    }

    func repair(_ database: SQLiteConnection, run: Int64) throws -> [String] {
        try Self.columns.compactMap { column in
            if let replacement = column.replacement {
                try database.query("UPDATE \(column.table) SET \(column.name) = \(replacement) WHERE \(Self.damaged(column))")
            } else {
                try database.query("DELETE FROM \(column.table) WHERE \(Self.damaged(column))")
            }
            let count = database.changes
            guard count > 0 else { return nil }
            return "\(column.replacement == nil ? "deleted" : "reset") \(column.table).\(column.name) in \(Self.plural(count, "row"))"
        }
    }

    /// Rows of `column` that are not JSON of its shape (json_type would fail on text that is not JSON, hence the CASE).
    static func damaged(_ column: Column) -> String {
        let shape = column.shape.map { "json_type(\(column.name)) != '\($0)'" } ?? "0"
        return "\(column.name) IS NOT NULL AND (\(column.filter)) AND CASE WHEN json_valid(\(column.name)) THEN \(shape) ELSE 1 END"
    }
}
