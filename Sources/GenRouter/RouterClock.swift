/// The router's notion of time: batches allocated so far and real observations (generated samples) seen.
/// Pseudo-observations from downstream evaluation do not advance it.
public struct RouterClock: Sendable, Equatable, Hashable {
    public var batches: Int
    public var observations: Int

    public init(batches: Int = 0, observations: Int = 0) {
        self.batches = batches
        self.observations = observations
    }
}

/// What a policy may look at when it chooses the arm for one slot of a batch.
public struct SlotContext: Sendable {
    /// The clock at the start of this batch (batch index = `clock.batches`).
    public var clock: RouterClock
    /// Slots already given to each arm (by table index) in this batch, including floor slots.
    public var pending: [Int]
    /// Total slots already given in this batch.
    public var pendingTotal: Int
    /// The context of the slot being chosen for (its target label), or nil; only contextual policies read it.
    public var label: String? = nil
}
