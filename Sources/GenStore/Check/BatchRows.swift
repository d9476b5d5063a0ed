import Foundation

/// Batch indices run 0...N with one row each, and every candidate's batch row exists (`record` refuses any
/// other index). A deleted last row gives its id to the next batch, whose candidates then collide with the
/// orphans' (batch_id, slot); a deleted row in the middle hides its batch from reports.
struct BatchRows: StoreInvariant {
    /// Candidates of one batch id whose row is gone.
    struct Orphans {
        var batchID: Int64
        var lowest: Int
        var highest: Int
        var count: Int
        var tokens: Int
    }

    func findings(_ database: SQLiteConnection, run: Int64) throws -> [StoreFinding] {
        let (orphans, gaps) = try survey(database, run: run)
        let (rebuildable, stuck) = try split(orphans, database, run: run)
        var findings: [StoreFinding] = []
        if !rebuildable.isEmpty {
            findings.append(StoreFinding(
                .missingBatchRow, rows: rebuildable.count,
                "the \(rebuildable.count == 1 ? "row" : "rows") of batch \(Self.list(rebuildable.map { "\($0.lowest)" })) "
                    + "\(rebuildable.count == 1 ? "is" : "are") gone; \(Self.plural(rebuildable.reduce(0) { $0 + $1.count }, "candidate")) remain",
                .repair("rebuild the rows from their candidates (slots per arm, tokens); the router state is unknown, so a "
                        + "resumed run starts from the state stored before it")))
        }
        for orphan in stuck {
            findings.append(StoreFinding(
                .missingBatchRow, rows: orphan.count,
                "\(Self.plural(orphan.count, "candidate")) point at batch row \(orphan.batchID), which is gone, and claim batch indices "
                    + "\(orphan.lowest)...\(orphan.highest), which another row or orphan already holds",
                .manual("gen cannot tell which batch they belong to; delete them by hand (`DELETE FROM candidates WHERE batch_id = "
                        + "\(orphan.batchID)`) if they are not needed")))
        }
        if !gaps.isEmpty {
            findings.append(StoreFinding(
                .missingBatch, rows: gaps.count,
                "batch \(Self.list(gaps.map(String.init))) \(gaps.count == 1 ? "is" : "are") gone with all \(gaps.count == 1 ? "its" : "their") "
                    + "candidates (the indices before and after are there)",
                .repair("record \(gaps.count == 1 ? "it" : "them") as empty so the sequence is whole (what they held is lost)")))
        }
        return findings
    }

    func repair(_ database: SQLiteConnection, run: Int64) throws -> [String] {
        let (orphans, gaps) = try survey(database, run: run)
        let rebuildable = try split(orphans, database, run: run).rebuildable
        for orphan in rebuildable {
            let rows = try database.query(
                "SELECT arm, COUNT(*) AS slots FROM candidates WHERE batch_id = ? GROUP BY arm", [.integer(orphan.batchID)])
            var allocation: [String: Int] = [:]
            for row in rows { allocation[try row.text("arm")] = try row.int("slots") }
            try insert(database, run: run, index: orphan.lowest, id: orphan.batchID, allocation: allocation, tokens: orphan.tokens)
        }
        for index in gaps { try insert(database, run: run, index: index, id: nil, allocation: [:], tokens: 0) }
        var actions: [String] = []
        if !rebuildable.isEmpty {
            actions.append("rebuilt the row of batch \(Self.list(rebuildable.map { "\($0.lowest)" })) from its candidates")
        }
        if !gaps.isEmpty { actions.append("recorded batch \(Self.list(gaps.map(String.init))) as empty") }
        return actions
    }

    /// Orphaned candidates grouped by the batch id they point at, and indices nothing holds.
    private func survey(_ database: SQLiteConnection, run: Int64) throws -> ([Orphans], [Int]) {
        let orphans = try database.query(
            """
            SELECT batch_id, MIN(batch_index) AS lowest, MAX(batch_index) AS highest, COUNT(*) AS count, SUM(tokens) AS tokens
            FROM candidates c WHERE run_id = ?1 AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.id = c.batch_id)
            GROUP BY batch_id ORDER BY lowest
            """, [.integer(run)]
        ).map { row in
            Orphans(batchID: try row.int64("batch_id"), lowest: try row.int("lowest"), highest: try row.int("highest"),
                    count: try row.int("count"), tokens: try row.int("tokens"))
        }
        let held = Set(try indices(database, run: run)).union(orphans.flatMap { $0.lowest...$0.highest })
        let gaps = (0..<((held.max() ?? -1) + 1)).filter { !held.contains($0) }
        return (orphans, gaps)
    }

    /// A row can be rebuilt when its candidates agree on one index that nothing else holds.
    private func split(_ orphans: [Orphans], _ database: SQLiteConnection, run: Int64) throws -> (rebuildable: [Orphans], stuck: [Orphans]) {
        let rows = Set(try indices(database, run: run))
        var claims: [Int: Int] = [:]
        for orphan in orphans { for index in orphan.lowest...orphan.highest { claims[index, default: 0] += 1 } }
        let rebuildable = orphans.filter { $0.lowest == $0.highest && !rows.contains($0.lowest) && claims[$0.lowest] == 1 }
        return (rebuildable, orphans.filter { orphan in !rebuildable.contains { $0.batchID == orphan.batchID } })
    }

    private func indices(_ database: SQLiteConnection, run: Int64) throws -> [Int] {
        try database.query("SELECT batch_index FROM batches WHERE run_id = ?", [.integer(run)]).map { try $0.int("batch_index") }
    }

    /// A row with what the candidates still tell: the generator state and times of the batch before, and
    /// a null router state, which `lastRouterState` passes over.
    private func insert(
        _ database: SQLiteConnection, run: Int64, index: Int, id: Int64?, allocation: [String: Int], tokens: Int
    ) throws {
        let before = try database.query(
            """
            SELECT rng_state_json, ended_at, batch_index AS position FROM batches WHERE run_id = ?1 AND batch_index < ?2
            UNION ALL SELECT '{}', started_at, -1 FROM runs WHERE id = ?1
            ORDER BY position DESC LIMIT 1
            """, [.integer(run), .int(index)]
        ).first
        let time = try before?.double("ended_at") ?? 0
        try database.query(
            """
            INSERT INTO batches (id, run_id, batch_index, allocation_json, router_state_json, rng_state_json, metrics_json,
                                 tokens, started_at, ended_at)
            VALUES (?, ?, ?, ?, 'null', ?, '{}', ?, ?, ?)
            """,
            [id.map(SQLValue.integer) ?? .null, .integer(run), .int(index), JSONColumn.text(allocation),
             .text(try before?.text("rng_state_json") ?? "{}"), .int(tokens), .real(time), .real(time)])
    }
}
