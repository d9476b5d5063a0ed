/// One kind of damage `StoreCheck` found in a run store: what, how many rows, and what can be done.
public struct StoreFinding: Sendable, Equatable {
    /// A short, stable label per kind, printed by `gen doctor` and matched by tests.
    public enum Kind: String, Sendable, CaseIterable {
        /// The write-ahead log with the last writes is gone; the store holds only what was checkpointed.
        case lostLog = "lost-wal"
        /// SQLite's integrity check failed or SQLite cannot read the file: damage below the rows.
        case fileDamage = "file-damage"
        /// The store holds no run, several runs, or a run row gen cannot read.
        case runRow = "run-row"
        /// The compiled pipeline graph the run started with no longer decodes.
        case badGraph = "bad-graph"
        /// A JSON column holds text that is not JSON (or not the shape gen reads).
        case badJSON = "bad-json"
        /// Accepted entries whose candidate row is gone: their samples are lost.
        case lostSample = "lost-sample"
        /// Accepted candidates whose stored sample is missing or not JSON.
        case unreadableSample = "unreadable-sample"
        /// Accepted entries whose candidate says it was rejected, with reasons.
        case rejectedInList = "rejected-in-list"
        /// Accepted entries whose candidate is flagged rejected but has an intact sample and no reason.
        case unflaggedAccepted = "unflagged-accepted"
        /// Candidates flagged accepted, with an intact sample, that are missing from the accepted list.
        case unlistedAccepted = "unlisted-accepted"
        /// Accepted ordinals that are not 1...N in batch and slot order.
        case ordinals = "ordinals"
        /// Candidates whose batch row is gone.
        case missingBatchRow = "missing-batch-row"
        /// Batch indices with neither a row nor candidates: everything of those batches is gone.
        case missingBatch = "missing-batch"
        /// Rows whose parent row is gone (check outcomes, evaluation credit, rows of no run).
        case orphanRows = "orphan-rows"
    }

    /// What `gen doctor --repair` does about a finding, or, when it can do nothing, what the user can do.
    public enum Remedy: Sendable, Equatable {
        case repair(String)
        case manual(String)
    }

    public var kind: Kind
    /// Rows (or pages, or files) concerned.
    public var rows: Int
    /// What is wrong, in plain words.
    public var detail: String
    public var remedy: Remedy

    public init(_ kind: Kind, rows: Int, _ detail: String, _ remedy: Remedy) {
        self.kind = kind
        self.rows = rows
        self.detail = detail
        self.remedy = remedy
    }

    public var isRepairable: Bool {
        if case .repair = remedy { return true }
        return false
    }

    /// The finding for a stored graph that does not decode: resume, the report and `gen doctor` share it.
    public static func badGraph(_ reason: String) -> StoreFinding {
        StoreFinding(
            .badGraph, rows: 1, "runs.graph_json (the compiled pipeline graph): \(reason)",
            .manual("the run cannot be resumed without its graph; its accepted samples are intact (dataset.jsonl): "
                    + "start a new run from the script to generate more"))
    }
}
