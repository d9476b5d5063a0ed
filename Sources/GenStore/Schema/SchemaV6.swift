/// Endpoint pools: each server's traffic per model, added up batch by batch (so a resumed run's figures cover
/// every session). The concurrency columns hold the adaptive limit last seen and the lowest it went.
enum SchemaV6 {
    static let migration = Migration(version: 6, sql: """
        CREATE TABLE endpoint_traffic (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            model TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            requests INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            rate_limited INTEGER NOT NULL DEFAULT 0,
            server_errors INTEGER NOT NULL DEFAULT 0,
            timeouts INTEGER NOT NULL DEFAULT 0,
            connection_failures INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            failovers INTEGER NOT NULL DEFAULT 0,
            circuit_openings INTEGER NOT NULL DEFAULT 0,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            concurrency_limit REAL,
            lowest_concurrency_limit REAL,
            PRIMARY KEY (run_id, model, endpoint)
        );
        """)
}
