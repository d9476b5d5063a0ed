import Foundation

/// The batch-API journal's rows (see `SchemaV5`): a batch-mode client records each batch before it waits on it, and
/// a resumed run reads back the lines it may still claim.
extension RunStore {
    /// A batch just created at `endpoint` (the base URL, its query redacted), its lines open, in one transaction.
    public func recordBatchJob(
        batchID: String, endpoint: String, inputFileID: String, status: String, lines: [(customID: String, requestHash: String)]
    ) throws {
        let database = try database()
        let now = SQLValue.real(Date().timeIntervalSince1970)
        try database.transaction {
            try database.query(
                """
                INSERT INTO batch_jobs (run_id, batch_id, endpoint, input_file_id, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [.integer(runID), .text(batchID), .text(redactor.redact(endpoint)), .text(inputFileID), .text(status), now, now])
            for (ordinal, line) in lines.enumerated() {
                try database.query(
                    """
                    INSERT INTO batch_job_lines (run_id, batch_id, custom_id, ordinal, request_hash, state)
                    VALUES (?, ?, ?, ?, ?, 'open')
                    """,
                    [.integer(runID), .text(batchID), .text(line.customID), .int(ordinal), .text(line.requestHash)])
            }
        }
    }

    /// The batch's latest status and result files.
    public func updateBatchJob(batchID: String, status: String, outputFileID: String?, errorFileID: String?) throws {
        try database().query(
            """
            UPDATE batch_jobs SET status = ?, output_file_id = ?, error_file_id = ?, updated_at = ?
            WHERE run_id = ? AND batch_id = ?
            """,
            [.text(status), .optionalText(outputFileID), .optionalText(errorFileID), .real(Date().timeIntervalSince1970),
             .integer(runID), .text(batchID)])
    }

    /// Sets the state (open, delivered, consumed, closed) of some of a batch's lines.
    public func markBatchJobLines(batchID: String, customIDs: [String], state: String) throws {
        guard !customIDs.isEmpty else { return }
        guard ["open", "delivered", "consumed", "closed"].contains(state) else {
            throw StoreError(.invalid, "batch job line state `\(state)` is not open, delivered, consumed or closed")
        }
        let database = try database()
        try database.transaction {
            for customID in customIDs {
                try database.query(
                    "UPDATE batch_job_lines SET state = ? WHERE run_id = ? AND batch_id = ? AND custom_id = ?",
                    [.text(state), .integer(runID), .text(batchID), .text(customID)])
            }
        }
    }

    /// The lines of `endpoint`'s batches a resumed run may claim (open or delivered), oldest batch first.
    public func claimableBatchJobLines(endpoint: String) throws -> [(batchID: String, customID: String, requestHash: String)] {
        try database().query(
            """
            SELECT l.batch_id, l.custom_id, l.request_hash FROM batch_job_lines l
            JOIN batch_jobs j ON j.run_id = l.run_id AND j.batch_id = l.batch_id
            WHERE l.run_id = ? AND j.endpoint = ? AND l.state IN ('open', 'delivered')
            ORDER BY j.created_at, l.batch_id, l.ordinal
            """, [.integer(runID), .text(redactor.redact(endpoint))]
        ).map { row in
            (try row.text("batch_id"), try row.text("custom_id"), try row.text("request_hash"))
        }
    }

    /// Every journaled batch's id and status, oldest first (for inspection and tests).
    public func batchJobs() throws -> [(batchID: String, status: String, lines: Int)] {
        try database().query(
            """
            SELECT j.batch_id, j.status, (SELECT COUNT(*) FROM batch_job_lines l WHERE l.run_id = j.run_id AND l.batch_id = j.batch_id) AS lines
            FROM batch_jobs j WHERE j.run_id = ? ORDER BY j.created_at, j.batch_id
            """, [.integer(runID)]
        ).map { (try $0.text("batch_id"), try $0.text("status"), try $0.int("lines")) }
    }

    /// Inside a commit's transaction: the lines whose results went into what it commits are consumed.
    func consumeDeliveredBatchLines(_ database: SQLiteConnection) throws {
        try database.query("UPDATE batch_job_lines SET state = 'consumed' WHERE run_id = ? AND state = 'delivered'", [.integer(runID)])
    }
}
