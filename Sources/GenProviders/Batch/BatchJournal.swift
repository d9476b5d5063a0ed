import Foundation

/// Where a batch-mode client writes down every batch it creates, before it waits on it, so a run killed or
/// stopped while a batch is on the server can collect that batch when it resumes instead of paying for it again.
///
/// The run store implements it (`batch_jobs`, `batch_job_lines`). A line's result is *delivered* when a `chat`
/// call has it; the store marks delivered lines *consumed* in the transaction that commits the run's next batch
/// (or discovery), so a line whose result was delivered but not yet committed stays claimable after a kill.
public protocol BatchJournal: Sendable {
    /// The lines of `endpoint`'s batches whose results a resumed run may still claim: open or delivered, not consumed.
    func claimableLines(endpoint: String) async throws -> [JournaledLine]
    /// Records a batch just created, with its lines (open).
    func record(batch: JournaledBatch) async throws
    /// The batch's latest status and files.
    func update(batchID: String, status: String, outputFileID: String?, errorFileID: String?) async throws
    /// Marks lines delivered (a call has the result) or closed (failed, or handed to a later batch: never claimable).
    func mark(batchID: String, customIDs: [String], state: JournaledLineState) async throws
}

/// A batch as the journal holds it.
public struct JournaledBatch: Sendable, Hashable, Codable {
    public var batchID: String
    /// The base URL (its query redacted) the batch was created at.
    public var endpoint: String
    public var inputFileID: String
    public var status: String
    /// `custom_id` -> the hash of the request (base URL and body), in file order.
    public var lines: [JournaledLine]
    public var createdAt: Date

    public init(batchID: String, endpoint: String, inputFileID: String, status: String, lines: [JournaledLine], createdAt: Date = Date()) {
        self.batchID = batchID
        self.endpoint = endpoint
        self.inputFileID = inputFileID
        self.status = status
        self.lines = lines
        self.createdAt = createdAt
    }
}

/// One request line of a journaled batch.
public struct JournaledLine: Sendable, Hashable, Codable {
    public var batchID: String
    public var customID: String
    /// SHA-256 of the base URL and the request body: the same request asked again hashes the same.
    public var requestHash: String

    public init(batchID: String, customID: String, requestHash: String) {
        self.batchID = batchID
        self.customID = customID
        self.requestHash = requestHash
    }
}

public enum JournaledLineState: String, Sendable, Codable {
    /// Submitted; no call has its result yet.
    case open
    /// A call has the result; consumed once the run commits what it made of it.
    case delivered
    /// The result went into a committed batch.
    case consumed
    /// Failed for good, or resubmitted in a later batch.
    case closed
}

/// A journal in memory: for a client without a run store, and for tests (two clients sharing one stand in for a
/// killed process and the one that resumes it).
public actor InMemoryBatchJournal: BatchJournal {
    public private(set) var batches: [String: JournaledBatch] = [:]
    public private(set) var states: [String: JournaledLineState] = [:]
    public private(set) var files: [String: (output: String?, error: String?)] = [:]

    public init() {}

    public func claimableLines(endpoint: String) -> [JournaledLine] {
        batches.values.filter { $0.endpoint == endpoint }.sorted { $0.createdAt < $1.createdAt }.flatMap { batch in
            batch.lines.filter { [.open, .delivered].contains(states[Self.key($0.batchID, $0.customID)]) }
        }
    }

    public func record(batch: JournaledBatch) {
        batches[batch.batchID] = batch
        for line in batch.lines { states[Self.key(line.batchID, line.customID)] = .open }
    }

    public func update(batchID: String, status: String, outputFileID: String?, errorFileID: String?) {
        batches[batchID]?.status = status
        files[batchID] = (outputFileID, errorFileID)
    }

    public func mark(batchID: String, customIDs: [String], state: JournaledLineState) {
        for id in customIDs { states[Self.key(batchID, id)] = state }
    }

    /// What the run store does when it commits a batch: delivered lines become consumed.
    public func commitDelivered() {
        for (key, state) in states where state == .delivered { states[key] = .consumed }
    }

    public func state(batchID: String, customID: String) -> JournaledLineState? {
        states[Self.key(batchID, customID)]
    }

    private static func key(_ batchID: String, _ customID: String) -> String { batchID + "\u{1F}" + customID }
}
