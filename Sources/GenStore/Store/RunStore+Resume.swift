import Foundation
import GenCore

extension RunStore {
    /// Where to continue: next batch index, router and RNG states, counters. Read in one snapshot.
    public func resumeInfo() throws -> ResumeInfo {
        let database = try database()
        return try database.transaction(.deferred) {
            let demoted = try demotedCount(database)
            let totals = try database.query(
                """
                SELECT (SELECT COUNT(*) FROM candidates WHERE run_id = ?1) AS candidates,
                       (SELECT MAX(after_accepted) FROM evaluations WHERE run_id = ?1) AS last_evaluation
                """, [.integer(runID)]
            ).first
            let lastBatch = try database.query(
                "SELECT rng_state_json FROM batches WHERE run_id = ? ORDER BY batch_index DESC LIMIT 1", [.integer(runID)]
            ).first
            var info = ResumeInfo(
                run: try info(), nextBatchIndex: try nextBatchIndex(database), acceptedCount: try acceptedCount(database),
                candidateCount: try totals?.int("candidates") ?? 0, tokensUsed: try tokensUsed(database), dollarsSpent: try dollarsSpent(database),
                routerState: try lastRouterState(database),
                rngState: try lastBatch.map { try JSONColumn.states($0, "rng_state_json") } ?? [:],
                lastEvaluationAfterAccepted: try totals?.optionalInt("last_evaluation"))
            info.demotedCount = demoted
            return info
        }
    }

    /// The newest router state: after the last batch, or after an evaluation that fed credit back since.
    public func lastRouterState() throws -> JSONValue? {
        try lastRouterState(try database())
    }

    /// Accepted samples so far.
    public func acceptedCount() throws -> Int {
        try acceptedCount(try database())
    }

    /// Accepted samples in dataset order, those with an ordinal above `after` (0 for all): a resumed run
    /// rebuilds its dedup pool, quotas and few-shot examples from these.
    public func acceptedSamples(after ordinal: Int = 0) throws -> [AcceptedSample] {
        try database().query(
            """
            SELECT a.ordinal, c.batch_index, c.slot, c.arm, c.sample_json, c.reward, c.content_hash
            FROM accepted a JOIN candidates c ON c.id = a.candidate_id
            WHERE a.run_id = ? AND a.ordinal > ? ORDER BY a.ordinal
            """, [.integer(runID), .int(ordinal)]
        ).map { row in
            AcceptedSample(
                ordinal: try row.int("ordinal"), batchIndex: try row.int("batch_index"), slot: try row.int("slot"),
                arm: try row.text("arm"), sample: try JSONColumn.value(row, "sample_json"), reward: try row.double("reward"),
                contentHash: try row.text("content_hash"))
        }
    }

    /// Every recorded batch, in order.
    public func batches() throws -> [BatchRecord] {
        try database().query("SELECT * FROM batches WHERE run_id = ? ORDER BY batch_index", [.integer(runID)]).map { row in
            BatchRecord(
                index: try row.int("batch_index"), allocation: try JSONColumn.counts(row, "allocation_json"),
                routerState: try JSONColumn.value(row, "router_state_json"), rngState: try JSONColumn.states(row, "rng_state_json"),
                metrics: try JSONColumn.value(row, "metrics_json"), tokens: try row.int("tokens"),
                startedAt: Date(timeIntervalSince1970: try row.double("started_at")),
                endedAt: Date(timeIntervalSince1970: try row.double("ended_at")))
        }
    }

    /// The candidates of one batch in slot order, each with its checks.
    public func candidates(batch index: Int) throws -> [StoredCandidate] {
        let database = try database()
        return try database.transaction(.deferred) {
            let checks = try checksByCandidate(batch: index, database)
            return try database.query(
                """
                SELECT c.*, a.ordinal FROM candidates c LEFT JOIN accepted a ON a.candidate_id = c.id
                WHERE c.run_id = ? AND c.batch_index = ? ORDER BY c.slot
                """, [.integer(runID), .int(index)]
            ).map { row in
                let record = CandidateRecord(
                    slot: try row.int("slot"), arm: try row.text("arm"), armParameters: try JSONColumn.value(row, "arm_parameters_json"),
                    sample: try JSONColumn.optionalValue(row, "sample_json"), rawText: try row.optionalText("raw_text"),
                    verdict: try row.bool("accepted") ? .accepted : .rejected, reasons: try JSONColumn.strings(row, "reasons_json"),
                    reward: try row.double("reward"), scores: try JSONColumn.numbers(row, "scores_json"),
                    tokens: try row.int("tokens"), latencySeconds: try row.double("latency_seconds"),
                    checks: checks[try row.int64("id")] ?? [], promptTokens: try row.optionalInt("prompt_tokens"),
                    completionTokens: try row.optionalInt("completion_tokens"), dollars: try row.optionalDouble("dollars"))
                return StoredCandidate(
                    batchIndex: index, contentHash: try row.text("content_hash"),
                    acceptedOrdinal: try row.optionalInt("ordinal"), record: record)
            }
        }
    }

    private func checksByCandidate(batch index: Int, _ database: SQLiteConnection) throws -> [Int64: [CheckRecord]] {
        let rows = try database.query(
            """
            SELECT k.* FROM checks k JOIN candidates c ON c.id = k.candidate_id
            WHERE c.run_id = ? AND c.batch_index = ? ORDER BY k.candidate_id, k.position
            """, [.integer(runID), .int(index)])
        var result: [Int64: [CheckRecord]] = [:]
        for row in rows {
            let check = CheckRecord(
                stage: try row.text("stage"), kind: try row.text("kind"), passed: try row.bool("passed"),
                score: try row.optionalDouble("score"), cached: try row.bool("cached"), detail: try JSONColumn.value(row, "detail_json"))
            result[try row.int64("candidate_id"), default: []].append(check)
        }
        return result
    }

    func lastRouterState(_ database: SQLiteConnection) throws -> JSONValue? {
        // An evaluation's state wins over its batch's when it came after that batch (credit fed back late).
        // A batch row rebuilt by `gen doctor` has a null state: the newest state before it is used.
        let row = try database.query(
            """
            SELECT state FROM (
                SELECT router_state_json AS state, batch_index, 0 AS after_batch, id FROM batches
                WHERE run_id = ?1 AND router_state_json != 'null'
                UNION ALL
                SELECT router_state_json, batch_index, 1, id FROM evaluations
                WHERE run_id = ?1 AND router_state_json IS NOT NULL
            ) ORDER BY batch_index DESC, after_batch DESC, id DESC LIMIT 1
            """, [.integer(runID)]
        ).first
        return try row.map { try JSONColumn.value($0, "state") }
    }
}
