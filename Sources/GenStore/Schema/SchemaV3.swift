/// Attribute discovery (`discover(...)` in an arm's `attributes`): the values the arm's model proposed for a
/// dimension, once per label, and what asking cost. A resumed run reads them back and never asks again.
/// `label` is '' when the spec has no label enum (the values serve every slot).
enum SchemaV3 {
    static let migration = Migration(version: 3, sql: """
        CREATE TABLE attribute_discoveries (
            run_id     INTEGER NOT NULL REFERENCES runs(id),
            arm        TEXT NOT NULL,
            dimension  TEXT NOT NULL,
            label      TEXT NOT NULL,
            calls      INTEGER NOT NULL,
            tokens     INTEGER NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (run_id, arm, dimension, label)
        );
        CREATE TABLE discovered_attributes (
            run_id    INTEGER NOT NULL REFERENCES runs(id),
            arm       TEXT NOT NULL,
            dimension TEXT NOT NULL,
            label     TEXT NOT NULL,
            ordinal   INTEGER NOT NULL,
            value     TEXT NOT NULL,
            PRIMARY KEY (run_id, arm, dimension, label, ordinal)
        );
        """)
}
