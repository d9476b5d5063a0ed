import Foundation

/// What `gen doctor` found in a run directory: the damage, what the store holds, and notes that are not damage.
public struct StoreExamination: Sendable, Equatable {
    public var findings: [StoreFinding]
    /// Nil when no run could be read.
    public var facts: StoreFacts?
    public var notes: [String]

    public var isHealthy: Bool { findings.isEmpty }
}

/// The run row and row counts, for the doctor's summary and the lost log's "what remains".
public struct StoreFacts: Sendable, Equatable {
    public var scriptPath: String
    public var status: String
    public var targetCount: Int
    public var batches: Int
    public var candidates: Int
    public var accepted: Int

    static func read(_ database: SQLiteConnection, run: Int64) throws -> StoreFacts? {
        try database.query(
            """
            SELECT script_path, status, target_count,
                   (SELECT COUNT(*) FROM batches WHERE run_id = ?1) AS batches,
                   (SELECT COUNT(*) FROM candidates WHERE run_id = ?1) AS candidates,
                   (SELECT COUNT(*) FROM accepted WHERE run_id = ?1) AS accepted
            FROM runs WHERE id = ?1
            """, [.integer(run)]
        ).first.map { row in
            StoreFacts(
                scriptPath: try row.text("script_path"), status: try row.text("status"), targetCount: try row.int("target_count"),
                batches: try row.int("batches"), candidates: try row.int("candidates"), accepted: try row.int("accepted"))
        }
    }

    /// "120 of 300 accepted samples in 12 batches"
    public var holding: String {
        "\(accepted) of \(targetCount) accepted samples in \(batches) batch\(batches == 1 ? "" : "es")"
    }
}

/// What `gen doctor --repair` did: the findings before, one sentence per action, and a fresh look after.
public struct StoreRepairReport: Sendable, Equatable {
    public var before: StoreExamination
    public var actions: [String]
    public var after: StoreExamination
}
