/// The first schema: one run per database file, its batches, every candidate with its checks, the stable
/// order of accepted samples, evaluations with per-arm credit, and the content-addressed cache.
///
/// JSON columns hold canonical JSON (sorted keys) so SQLite's json_extract/json_each can query them and
/// equal values have equal text. Times are Unix seconds as REAL. UInt64 values (seed, RNG state) are decimal
/// TEXT because SQLite integers are signed 64-bit.
enum SchemaV1 {
    static let migration = Migration(version: 1, sql: """
        CREATE TABLE runs (
            id            INTEGER PRIMARY KEY,
            script_path   TEXT NOT NULL,
            script_sha256 TEXT NOT NULL,
            seed          TEXT NOT NULL,
            graph_json    TEXT NOT NULL,
            target_count  INTEGER NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('running', 'stopped', 'completed', 'failed')),
            status_detail TEXT,
            started_at    REAL NOT NULL,
            ended_at      REAL
        );
        CREATE TABLE batches (
            id                INTEGER PRIMARY KEY,
            run_id            INTEGER NOT NULL REFERENCES runs(id),
            batch_index       INTEGER NOT NULL,
            allocation_json   TEXT NOT NULL,
            router_state_json TEXT NOT NULL,
            rng_state_json    TEXT NOT NULL,
            metrics_json      TEXT NOT NULL,
            tokens            INTEGER NOT NULL,
            started_at        REAL NOT NULL,
            ended_at          REAL NOT NULL,
            UNIQUE (run_id, batch_index)
        );
        CREATE TABLE candidates (
            id                  INTEGER PRIMARY KEY,
            run_id              INTEGER NOT NULL REFERENCES runs(id),
            batch_id            INTEGER NOT NULL REFERENCES batches(id),
            batch_index         INTEGER NOT NULL,
            slot                INTEGER NOT NULL,
            arm                 TEXT NOT NULL,
            arm_parameters_json TEXT NOT NULL,
            sample_json         TEXT,
            raw_text            TEXT,
            accepted            INTEGER NOT NULL CHECK (accepted IN (0, 1)),
            reasons_json        TEXT NOT NULL,
            reward              REAL NOT NULL,
            scores_json         TEXT NOT NULL,
            tokens              INTEGER NOT NULL,
            latency_seconds     REAL NOT NULL,
            content_hash        TEXT NOT NULL,
            UNIQUE (batch_id, slot)
        );
        CREATE INDEX candidates_by_run_batch ON candidates (run_id, batch_index, arm);
        CREATE INDEX candidates_by_run_arm ON candidates (run_id, arm, accepted);
        CREATE INDEX candidates_by_hash ON candidates (content_hash);
        CREATE TABLE checks (
            id           INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidates(id),
            position     INTEGER NOT NULL,
            stage        TEXT NOT NULL,
            kind         TEXT NOT NULL,
            passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
            score        REAL,
            cached       INTEGER NOT NULL CHECK (cached IN (0, 1)),
            detail_json  TEXT NOT NULL,
            UNIQUE (candidate_id, position)
        );
        CREATE INDEX checks_by_stage ON checks (stage, passed);
        CREATE TABLE accepted (
            run_id       INTEGER NOT NULL REFERENCES runs(id),
            ordinal      INTEGER NOT NULL,
            candidate_id INTEGER NOT NULL UNIQUE REFERENCES candidates(id),
            PRIMARY KEY (run_id, ordinal)
        );
        CREATE TABLE evaluations (
            id                INTEGER PRIMARY KEY,
            run_id            INTEGER NOT NULL REFERENCES runs(id),
            batch_index       INTEGER NOT NULL,
            after_accepted    INTEGER NOT NULL,
            protocol          TEXT NOT NULL,
            metrics_json      TEXT NOT NULL,
            router_state_json TEXT,
            created_at        REAL NOT NULL
        );
        CREATE TABLE evaluation_credit (
            evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
            arm           TEXT NOT NULL,
            credit        REAL NOT NULL,
            PRIMARY KEY (evaluation_id, arm)
        );
        CREATE TABLE cache (
            kind       TEXT NOT NULL,
            key_hash   TEXT NOT NULL,
            value_json TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (kind, key_hash)
        ) WITHOUT ROWID;
        """)
}
