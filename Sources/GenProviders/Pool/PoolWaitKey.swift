import GenCore

/// The order a pool serves its waiting requests in: batch (`RequestPriority`; requests outside a batch last),
/// then arrival.
struct PoolWaitKey: Comparable {
    var batch: Int
    var arrival: UInt64

    /// The key of a request arriving now in the current task's batch; `arrival` comes from the pool's counter.
    init(arrival: UInt64) {
        batch = RequestPriority.batch ?? .max
        self.arrival = arrival
    }

    static func < (lhs: PoolWaitKey, rhs: PoolWaitKey) -> Bool { (lhs.batch, lhs.arrival) < (rhs.batch, rhs.arrival) }
}
