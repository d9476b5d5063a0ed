import GenCore

/// A batch holds one candidate per slot the router gave out, as `gen run` records it. The store itself
/// does not require that (a host may record batches its own way), so a difference is a note for `gen doctor`,
/// not damage: most likely candidate rows were deleted, and reports count that many fewer.
enum SlotCounts {
    static func notes(_ database: SQLiteConnection, run: Int64) throws -> [String] {
        let rows = try database.query(
            """
            SELECT b.batch_index, b.allocation_json, (SELECT COUNT(*) FROM candidates c WHERE c.batch_id = b.id) AS held
            FROM batches b WHERE b.run_id = ? ORDER BY b.batch_index
            """, [.integer(run)])
        var short: [String] = []
        for row in rows {
            let slots = (CanonicalJSON.parse(try row.text("allocation_json"))?.objectValue ?? [:]).values.compactMap(\.doubleValue)
            let given = Int(slots.reduce(0, +)), held = try row.int("held")
            if given > 0, given != held { short.append("batch \(try row.int("batch_index")) (\(given) slots, \(held) candidates)") }
        }
        guard let first = short.first else { return [] }
        let more = short.count > 1 ? " and \(short.count - 1) more batch\(short.count == 2 ? "" : "es") like it" : ""
        return ["\(first)\(more) hold\(short.count == 1 ? "s" : "") another number of candidates than the router gave slots: "
                + "candidate rows were probably deleted, and reports count them as never made"]
    }
}
