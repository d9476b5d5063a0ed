import GenCore

/// Each model server's traffic: written as differences (with a batch, or alone when a run ends without one)
/// and read as totals.
extension RunStore {
    /// Adds `changes` (counts since the last write; limits as they are now) in a transaction of its own.
    public func recordTraffic(_ changes: [EndpointTraffic]) throws {
        guard !changes.isEmpty else { return }
        let database = try database()
        try database.transaction { try writeTraffic(changes, database) }
    }

    func writeTraffic(_ changes: [EndpointTraffic], _ database: SQLiteConnection) throws {
        for change in changes {
            try database.query(
                """
                INSERT INTO endpoint_traffic (run_id, model, endpoint, requests, answered, rate_limited, server_errors, timeouts,
                    connection_failures, rejected, failovers, circuit_openings, prompt_tokens, completion_tokens,
                    concurrency_limit, lowest_concurrency_limit)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                ON CONFLICT (run_id, model, endpoint) DO UPDATE SET
                    requests = requests + ?4, answered = answered + ?5, rate_limited = rate_limited + ?6,
                    server_errors = server_errors + ?7, timeouts = timeouts + ?8, connection_failures = connection_failures + ?9,
                    rejected = rejected + ?10, failovers = failovers + ?11, circuit_openings = circuit_openings + ?12,
                    prompt_tokens = prompt_tokens + ?13, completion_tokens = completion_tokens + ?14,
                    concurrency_limit = COALESCE(?15, concurrency_limit),
                    lowest_concurrency_limit = MIN(COALESCE(lowest_concurrency_limit, ?16), COALESCE(?16, lowest_concurrency_limit))
                """,
                [
                    .integer(runID), .text(redactor.redact(change.model)), .text(redactor.redact(change.endpoint)),
                    .int(change.requests), .int(change.answered), .int(change.rateLimited), .int(change.serverErrors),
                    .int(change.timeouts), .int(change.connectionFailures), .int(change.rejected), .int(change.failovers),
                    .int(change.circuitOpenings), .int(change.promptTokens), .int(change.completionTokens),
                    change.concurrencyLimit.map(SQLValue.real) ?? .null, change.lowestConcurrencyLimit.map(SQLValue.real) ?? .null,
                ])
        }
    }

    /// Every model server's totals, by model then in the order they were first written.
    public func endpointTraffic() throws -> [EndpointTraffic] {
        try database().query(
            "SELECT * FROM endpoint_traffic WHERE run_id = ? ORDER BY model, rowid", [.integer(runID)]
        ).map { row in
            var record = EndpointTraffic(model: try row.text("model"), endpoint: try row.text("endpoint"))
            record.requests = try row.int("requests")
            record.answered = try row.int("answered")
            record.rateLimited = try row.int("rate_limited")
            record.serverErrors = try row.int("server_errors")
            record.timeouts = try row.int("timeouts")
            record.connectionFailures = try row.int("connection_failures")
            record.rejected = try row.int("rejected")
            record.failovers = try row.int("failovers")
            record.circuitOpenings = try row.int("circuit_openings")
            record.promptTokens = try row.int("prompt_tokens")
            record.completionTokens = try row.int("completion_tokens")
            record.concurrencyLimit = try row.optionalDouble("concurrency_limit")
            record.lowestConcurrencyLimit = try row.optionalDouble("lowest_concurrency_limit")
            return record
        }
    }
}
