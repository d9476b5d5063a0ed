/// The batch-API journal: every batch a batch-mode model created (id, input file, status, result files) and its
/// lines (custom_id, request hash, state), written before the batch is waited on. A resumed run claims the open
/// and delivered lines of a batch still on the server instead of creating and paying for it again; the transaction
/// that commits a run batch (or a discovery) turns delivered lines into consumed ones.
/// `state`: open (submitted), delivered (a call has the result), consumed (committed), closed (failed or resubmitted).
enum SchemaV5 {
    static let migration = Migration(version: 5, sql: """
        CREATE TABLE batch_jobs (
            run_id         INTEGER NOT NULL REFERENCES runs(id),
            batch_id       TEXT NOT NULL,
            endpoint       TEXT NOT NULL,
            input_file_id  TEXT NOT NULL,
            status         TEXT NOT NULL,
            output_file_id TEXT,
            error_file_id  TEXT,
            created_at     REAL NOT NULL,
            updated_at     REAL NOT NULL,
            PRIMARY KEY (run_id, batch_id)
        );
        CREATE TABLE batch_job_lines (
            run_id       INTEGER NOT NULL REFERENCES runs(id),
            batch_id     TEXT NOT NULL,
            custom_id    TEXT NOT NULL,
            ordinal      INTEGER NOT NULL,
            request_hash TEXT NOT NULL,
            state        TEXT NOT NULL CHECK (state IN ('open', 'delivered', 'consumed', 'closed')),
            PRIMARY KEY (run_id, batch_id, custom_id),
            FOREIGN KEY (run_id, batch_id) REFERENCES batch_jobs(run_id, batch_id)
        );
        CREATE INDEX batch_job_lines_claimable ON batch_job_lines(run_id, state);
        """)
}
