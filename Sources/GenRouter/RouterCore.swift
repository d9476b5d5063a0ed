import GenCore

/// The router's whole mutable state and logic as a value: policy, generator and clock.
///
/// `Router` wraps it in an actor for the run loop; the benchmark drives it directly, so both exercise the
/// same code. Inputs are validated before anything changes, so a rejected call leaves the state untouched.
public struct RouterCore: Sendable {
    public private(set) var policy: any RouterPolicy
    public private(set) var rng: SeededRandom
    public private(set) var clock: RouterClock

    public init(policy: any RouterPolicy, rng: SeededRandom, clock: RouterClock = RouterClock()) {
        self.policy = policy
        self.rng = rng
        self.clock = clock
    }

    /// Rebuilds a router from saved state; continuing with it makes the same decisions the saved one would have.
    public init(restoring state: RouterState, registry: PolicyRegistry = .standard) throws(RouterError) {
        self.init(policy: try registry.restore(state.policy), rng: state.rng, clock: state.clock)
    }

    /// Arm ids in declared order.
    public var armIDs: [String] { policy.arms.ids }

    /// Shares a batch of `slots` among all arms; one arm id per slot.
    public mutating func allocate(slots: Int) throws(RouterError) -> [String] {
        try allocate(slots: slots, available: armIDs)
    }

    /// Shares a batch of `slots` among the `available` arms (any order; declared order is used).
    public mutating func allocate(slots: Int, available: [String]) throws(RouterError) -> [String] {
        guard slots >= 0 else { throw .invalidSlotCount(slots) }
        return try allocate(contexts: Array(repeating: nil, count: slots), available: available)
    }

    /// One arm id per slot, a slot per entry of `contexts` (its target label, or nil), among all arms.
    public mutating func allocate(contexts: [String?]) throws(RouterError) -> [String] {
        try allocate(contexts: contexts, available: armIDs)
    }

    /// One arm id per slot, a slot per entry of `contexts`, among the `available` arms. Only a contextual
    /// policy reads the contexts; for the others this is `allocate(slots: contexts.count, available:)`.
    public mutating func allocate(contexts: [String?], available: [String]) throws(RouterError) -> [String] {
        var indices: [Int] = []
        for id in available {
            guard let index = policy.arms.index(of: id) else { throw .unknownArm(id) }
            guard !indices.contains(index) else { throw .duplicateArm(id) }
            indices.append(index)
        }
        guard !indices.isEmpty else { throw .noArms }
        let ids = policy.arms.ids
        return allocateIndices(contexts: contexts, available: indices.sorted()).map { ids[$0] }
    }

    /// One real observation: a generated sample's reward in [0, 1]. Advances the clock and the discount.
    public mutating func observe(arm: String, reward: Double) throws(RouterError) {
        try observe([Observation(arm: arm, reward: reward)])
    }

    /// A batch's observations, in order; all are checked before any is applied.
    public mutating func observe(_ observations: [Observation]) throws(RouterError) {
        let indices = try observations.map { observation throws(RouterError) in
            try checkedIndex(observation.arm, reward: observation.reward)
        }
        for (index, observation) in zip(indices, observations) {
            recordIndex(index, reward: observation.reward, context: observation.context)
        }
    }

    /// A late pseudo-observation (downstream credit): `N += w; S += w*v; Q += w*v^2` for the arm, without
    /// advancing the clock; the discount fades it like any other evidence afterwards.
    public mutating func observe(arm: String, reward: Double, weight: Double) throws(RouterError) {
        let index = try checkedIndex(arm, reward: reward)
        guard weight.isFinite, weight >= 0 else { throw .invalidWeight(arm: arm, weight: weight) }
        policy.record(reward: reward, weight: weight, arm: index, context: nil, ticks: false)
    }

    /// The serialisable state (policy, statistics, clock, generator).
    public var state: RouterState {
        RouterState(policy: policy.state, clock: clock, rng: rng, epsilon: policy.exploration(at: clock))
    }

    // MARK: - Unchecked fast paths (indices already valid); the benchmark uses these.

    public mutating func allocateIndices(slots: Int, available: [Int]) -> [Int] {
        allocateIndices(contexts: Array(repeating: nil, count: max(0, slots)), available: available)
    }

    public mutating func allocateIndices(contexts: [String?], available: [Int]) -> [Int] {
        guard !contexts.isEmpty else { return [] }
        let chosen = policy.allocate(contexts: contexts, available: available, limits: policy.parameters.limits,
                                     clock: clock, using: &rng)
        clock.batches += 1
        return chosen
    }

    public mutating func recordIndex(_ index: Int, reward: Double, context: String? = nil) {
        policy.record(reward: reward, weight: 1, arm: index, context: context, ticks: true)
        clock.observations += 1
    }

    private func checkedIndex(_ arm: String, reward: Double) throws(RouterError) -> Int {
        guard let index = policy.arms.index(of: arm) else { throw .unknownArm(arm) }
        guard reward.isFinite, (0...1).contains(reward) else { throw .rewardOutOfRange(arm: arm, reward: reward) }
        return index
    }
}
