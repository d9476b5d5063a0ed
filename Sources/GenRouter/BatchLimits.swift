/// Per-batch allocation limits: a cap on any one arm's share and a guaranteed floor share for every arm.
public struct BatchLimits: Sendable, Equatable {
    /// Largest fraction of a batch one arm may get, in (0, 1]; 1 means no cap.
    public var cap: Double
    /// Fraction of a batch every available arm is guaranteed, in [0, 1/K]; 0 means no floor.
    public var floor: Double

    public init(cap: Double = 1, floor: Double = 0) {
        self.cap = cap
        self.floor = floor
    }

    public static let none = BatchLimits()

    /// Most slots one arm may take in a batch. Never below ceil(slots/K), so a batch can always be filled.
    public func capSlots(slots: Int, arms: Int) -> Int {
        let feasible = (slots + arms - 1) / arms
        let capped = Int((cap * Double(slots) + 1e-9).rounded(.down))
        return min(slots, max(feasible, capped))
    }

    /// Slots every arm gets before the policy chooses: floor(floor * slots), at most slots/K.
    public func floorSlots(slots: Int, arms: Int) -> Int {
        let wanted = Int((max(0, floor) * Double(slots) + 1e-9).rounded(.down))
        return min(wanted, slots / arms)
    }
}
