import GenCore

/// Everything the run loop needs to continue a stopped or killed run where its last committed batch left off.
public struct ResumeInfo: Sendable, Equatable {
    public var run: RunInfo
    /// The index the next batch gets (0 for a run with no batch yet).
    public var nextBatchIndex: Int
    public var acceptedCount: Int
    public var candidateCount: Int
    public var tokensUsed: Int
    /// What the run has spent at its models' prices; nil when nothing it stored has a price.
    public var dollarsSpent: Double?
    /// The newest router state (after the last batch, or after a later evaluation's credit); nil before any batch.
    public var routerState: JSONValue?
    /// Generator states after the last batch; empty before any batch (start from the run's seed).
    public var rngState: [String: UInt64]
    /// Pool size at the most recent evaluation, so evaluation `every: N` continues on schedule.
    public var lastEvaluationAfterAccepted: Int?
    /// Samples the noise filter has demoted so far: the part of its budget already used.
    public var demotedCount = 0
}
