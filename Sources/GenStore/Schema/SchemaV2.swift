/// Demotions (the evaluate block's noise filter): an accepted sample the classifier found likely mislabelled
/// leaves the accepted list and is flagged rejected with a `demoted: ...` reason; this row keeps why and when.
/// The evaluation that found it is the one recorded in the same transaction.
enum SchemaV2 {
    static let migration = Migration(version: 2, sql: """
        CREATE TABLE demotions (
            id                      INTEGER PRIMARY KEY,
            run_id                  INTEGER NOT NULL REFERENCES runs(id),
            candidate_id            INTEGER NOT NULL UNIQUE REFERENCES candidates(id),
            evaluation_id           INTEGER NOT NULL REFERENCES evaluations(id),
            after_accepted          INTEGER NOT NULL,
            ordinal                 INTEGER NOT NULL,
            label                   TEXT NOT NULL,
            predicted               TEXT NOT NULL,
            label_probability       REAL NOT NULL,
            predicted_probability   REAL NOT NULL,
            probabilities_json      TEXT NOT NULL,
            created_at              REAL NOT NULL
        );
        CREATE INDEX demotions_by_run ON demotions (run_id, id);
        """)
}
