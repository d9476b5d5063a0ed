import GenCore

/// A bandit policy that shares a batch of generation slots among arms.
///
/// Policies are plain values: their whole state is their parameters plus the arm table, which makes saving and
/// restoring exact. A policy only says which arm it wants for one slot (`pick`); batching, the cap, the floor
/// and the reward bookkeeping are shared (see the extension below), so every policy treats them alike.
public protocol RouterPolicy: Sendable {
    /// The name scripts use (`router thompson(...)`).
    static var name: String { get }
    /// The parameters scripts may pass, with defaults and valid ranges.
    static var parameterSpecs: [PolicyParameter] { get }
    /// One line on what the policy does, for `gen help` and hovers.
    static var summary: String { get }

    /// A policy with validated parameters over the given arms.
    init(parameters: PolicyParameters, arms: ArmTable)

    var parameters: PolicyParameters { get }
    var arms: ArmTable { get set }

    /// Per-observation discount factor gamma applied to every arm on each real observation; 1 keeps all history.
    var discount: Double { get }

    /// The arm (a table index from `eligible`, which is never empty) for the next slot of the batch.
    func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int

    /// The current exploration rate, for policies that have one (reported in the saved state); nil otherwise.
    func exploration(at clock: RouterClock) -> Double?

    /// What a contextual policy learned per context: context -> one `ArmStatistics` per arm, parallel to `arms`.
    /// Other policies keep none: theirs is always empty and setting it does nothing.
    var contexts: [String: [ArmStatistics]] { get set }

    /// Records a reward for the arm at `index`, earned in `context` (the slot's label; nil for an unlabelled
    /// slot or a pseudo-observation). The default ignores the context (see `recordPooled`).
    mutating func record(reward: Double, weight: Double, arm index: Int, context: String?, ticks: Bool)
}

extension RouterPolicy {
    public var name: String { Self.name }

    public static var summary: String { "router policy \(name)" }

    public func exploration(at clock: RouterClock) -> Double? { nil }

    /// The serialisable state of this policy (name, parameters, per-arm statistics).
    public var state: PolicyState {
        PolicyState(name: Self.name, parameters: parameters, arms: arms, contexts: contexts)
    }

    public var contexts: [String: [ArmStatistics]] {
        get { [:] }
        set {}
    }

    /// Shares `slots` among the `available` arms (table indices, declared order): floor slots first, then one
    /// `pick` per remaining slot among arms still under the cap. Returns one arm index per slot.
    public func allocate(slots: Int, available: [Int], limits: BatchLimits, clock: RouterClock,
                         using rng: inout SeededRandom) -> [Int] {
        allocate(contexts: Array(repeating: nil, count: max(0, slots)), available: available, limits: limits,
                 clock: clock, using: &rng)
    }

    /// As `allocate(slots:...)` with one slot per entry of `contexts`: each `pick` sees its slot's context
    /// (floor slots are handed out first, in arm order, to the first slots of the batch).
    public func allocate(contexts: [String?], available: [Int], limits: BatchLimits, clock: RouterClock,
                         using rng: inout SeededRandom) -> [Int] {
        let slots = contexts.count
        guard slots > 0, !available.isEmpty else { return [] }
        let capSlots = limits.capSlots(slots: slots, arms: available.count)
        let floorSlots = limits.floorSlots(slots: slots, arms: available.count)
        var context = SlotContext(clock: clock, pending: Array(repeating: 0, count: arms.count), pendingTotal: 0)
        var chosen: [Int] = []
        chosen.reserveCapacity(slots)
        func give(_ arm: Int) {
            chosen.append(arm)
            context.pending[arm] += 1
            context.pendingTotal += 1
        }
        for arm in available {
            for _ in 0..<floorSlots { give(arm) }
        }
        var eligible = available
        while chosen.count < slots {
            eligible.removeAll { context.pending[$0] >= capSlots }
            context.label = contexts[chosen.count]
            give(pick(among: eligible, context: context, using: &rng))
        }
        return chosen
    }

    public mutating func record(reward: Double, weight: Double, arm index: Int, context: String?, ticks: Bool) {
        recordPooled(reward: reward, weight: weight, arm: index, ticks: ticks)
    }

    /// Records a reward for the arm at `index` in the per-arm statistics. A real observation (`ticks`) first
    /// fades every arm by `discount`; a pseudo-observation adds `weight` without touching the clock or the other arms.
    public mutating func recordPooled(reward: Double, weight: Double, arm index: Int, ticks: Bool) {
        if ticks, discount < 1 {
            for other in arms.statistics.indices { arms.statistics[other].discount(by: discount) }
        }
        arms.statistics[index].add(reward: reward, weight: weight)
    }
}

/// A policy's serialisable state: which policy, with which parameters, and what it learned per arm (and per context).
public struct PolicyState: Sendable, Equatable {
    public var name: String
    public var parameters: PolicyParameters
    public var arms: ArmTable
    /// Per-context statistics (contextual policies only; empty otherwise), each parallel to `arms`.
    public var contexts: [String: [ArmStatistics]]

    public init(name: String, parameters: PolicyParameters, arms: ArmTable, contexts: [String: [ArmStatistics]] = [:]) {
        self.name = name
        self.parameters = parameters
        self.arms = arms
        self.contexts = contexts
    }
}
