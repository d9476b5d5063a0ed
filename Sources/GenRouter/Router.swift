import GenCore

/// The run's router: owns the policy, its seeded generator and the clock, shared safely across tasks.
///
/// Typical loop: `allocate(slots:)` before a batch, generate one sample per slot, then `observe(_:)` with every
/// sample's reward; `snapshot()` after each batch for the run store, `init(restoring:)` to resume.
public actor Router {
    private var core: RouterCore

    /// A router over `arms` (ids in declared order) using the registered policy `policy` with script arguments.
    public init(policy: String, arguments: [String: Double] = [:], arms: [String], rng: SeededRandom,
                registry: PolicyRegistry = .standard) throws(RouterError) {
        core = RouterCore(policy: try registry.makePolicy(policy, arguments: arguments, arms: arms), rng: rng)
    }

    /// A router around an already built policy.
    public init(policy: any RouterPolicy, rng: SeededRandom) {
        core = RouterCore(policy: policy, rng: rng)
    }

    /// Resumes from a snapshot: continuing gives exactly the decisions the saved router would have made.
    public init(restoring state: RouterState, registry: PolicyRegistry = .standard) throws(RouterError) {
        core = try RouterCore(restoring: state, registry: registry)
    }

    /// Arm ids in declared order.
    public var arms: [String] { core.armIDs }

    /// One arm id per slot of the next batch, chosen among all arms.
    public func allocate(slots: Int) throws(RouterError) -> [String] {
        try core.allocate(slots: slots)
    }

    /// One arm id per slot of the next batch, chosen among the available arms only.
    public func allocate(slots: Int, available: [String]) throws(RouterError) -> [String] {
        try core.allocate(slots: slots, available: available)
    }

    /// One arm id per slot of the next batch, a slot per entry of `contexts` (the slot's target label, or nil);
    /// only a contextual policy reads the labels.
    public func allocate(contexts: [String?]) throws(RouterError) -> [String] {
        try core.allocate(contexts: contexts)
    }

    /// One generated sample's reward in [0, 1].
    public func observe(arm: String, reward: Double) throws(RouterError) {
        try core.observe(arm: arm, reward: reward)
    }

    /// Every sample of a batch, each an observation; all-or-nothing on bad input.
    public func observe(_ observations: [Observation]) throws(RouterError) {
        try core.observe(observations)
    }

    /// A late weighted pseudo-observation from downstream evaluation (`N += w; S += w*v; Q += w*v^2`).
    public func observe(arm: String, reward: Double, weight: Double) throws(RouterError) {
        try core.observe(arm: arm, reward: reward, weight: weight)
    }

    /// The current state, ready for `RouterState.canonicalJSON`.
    public func snapshot() -> RouterState {
        core.state
    }
}
