/// How one run is driven: the seed, the target and the limits, after the command line has overridden the script.
public struct RunConfiguration: Sendable, Equatable {
    public var seed: UInt64
    public var targetCount: Int
    public var batchSize: Int
    /// Stop after this many candidates even if the target is not reached.
    public var maxCandidates: Int?
    /// Stop after this many tokens (prompt + completion, generation and judging).
    public var maxTokens: Int?
    /// Stop once this many dollars are spent at the models' declared prices (generation, checks, discovery).
    public var maxDollars: Double?
    /// When the run stalls and when the server counts as down (defaults from the batch size).
    public var guards: (stallWindow: Int, maxConsecutiveRequestFailures: Int)?
    /// How many batches may be generating at once (`spec { pipeline: D }`): batch i is planned from the state
    /// after batch i-D was committed; batches commit in order. 1 is one batch at a time.
    public var pipelineDepth: Int

    public init(
        seed: UInt64, targetCount: Int, batchSize: Int, maxCandidates: Int? = nil, maxTokens: Int? = nil,
        guards: (stallWindow: Int, maxConsecutiveRequestFailures: Int)? = nil, maxDollars: Double? = nil,
        pipelineDepth: Int = 1
    ) {
        self.pipelineDepth = max(1, pipelineDepth)
        self.maxDollars = maxDollars
        self.seed = seed
        self.targetCount = targetCount
        self.batchSize = batchSize
        self.maxCandidates = maxCandidates
        self.maxTokens = maxTokens
        self.guards = guards
    }

    /// The candidate budget of a script that declares none: 20 candidates per sample wanted, at least 200.
    /// A run that needs more says so and stops; it never spins forever.
    public static func defaultCandidateBudget(target: Int) -> Int { max(200, 20 * target) }

    public static func == (lhs: RunConfiguration, rhs: RunConfiguration) -> Bool {
        lhs.seed == rhs.seed && lhs.targetCount == rhs.targetCount && lhs.batchSize == rhs.batchSize
            && lhs.maxCandidates == rhs.maxCandidates && lhs.maxTokens == rhs.maxTokens && lhs.maxDollars == rhs.maxDollars
            && lhs.pipelineDepth == rhs.pipelineDepth
            && lhs.guards?.stallWindow == rhs.guards?.stallWindow
            && lhs.guards?.maxConsecutiveRequestFailures == rhs.guards?.maxConsecutiveRequestFailures
    }
}
