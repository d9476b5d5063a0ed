/// How one run is driven: the seed, the target and the limits, after the command line has overridden the script.
public struct RunConfiguration: Sendable, Equatable {
    public var seed: UInt64
    public var targetCount: Int
    public var batchSize: Int
    /// Stop after this many candidates even if the target is not reached.
    public var maxCandidates: Int?
    /// Stop after this many tokens (prompt + completion, generation and judging).
    public var maxTokens: Int?

    public init(seed: UInt64, targetCount: Int, batchSize: Int, maxCandidates: Int? = nil, maxTokens: Int? = nil) {
        self.seed = seed
        self.targetCount = targetCount
        self.batchSize = batchSize
        self.maxCandidates = maxCandidates
        self.maxTokens = maxTokens
    }
}
