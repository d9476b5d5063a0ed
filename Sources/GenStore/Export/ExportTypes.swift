import Foundation

/// What `export` writes.
public struct ExportOptions: Sendable, Equatable {
    /// Add `_arm`, `_batch` and `_reward` to each dataset line (object samples only).
    public var provenance: Bool
    public var datasetName: String
    public var rejectedName: String

    public init(provenance: Bool = false, datasetName: String = "dataset.jsonl", rejectedName: String = "rejected.jsonl") {
        self.provenance = provenance
        self.datasetName = datasetName
        self.rejectedName = rejectedName
    }
}

/// What one export wrote.
public struct ExportSummary: Sendable, Equatable {
    public var datasetURL: URL
    public var rejectedURL: URL
    public var accepted: Int
    public var rejected: Int
}

/// How the exported files compare with the store.
public struct ExportVerification: Sendable, Equatable {
    public var acceptedInStore: Int
    /// Lines in dataset.jsonl; nil when the file does not exist.
    public var datasetLines: Int?
    public var rejectedInStore: Int
    public var rejectedLines: Int?
    /// Content problems: a line that differs from the store at its position, a duplicate, a truncated file,
    /// more lines than the store has. At most 20 are kept.
    public var problems: [String]

    /// The files hold exactly what the store holds.
    public var isConsistent: Bool {
        problems.isEmpty && datasetLines == acceptedInStore && rejectedLines == rejectedInStore
    }

    /// The files hold an intact earlier snapshot (or none yet): what a kill between a commit and the next
    /// export leaves behind; the next export brings them up to date.
    public var isIntactPrefix: Bool { problems.isEmpty }
}
