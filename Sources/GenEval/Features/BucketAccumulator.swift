/// Sums weighted bucket hits of one text in a small open-addressing table: linear in the number of hits,
/// where sorting them was a quarter of all featurisation time.
struct BucketAccumulator {
    private var keys: [Int32]
    private var sums: [Float]
    private var order: [Int32] = []  // slots in first-hit order, so output order is deterministic
    private let mask: Int

    /// Room for `expectedHits` distinct buckets at most half full.
    init(expectedHits: Int) {
        var capacity = 16
        while capacity < expectedHits * 2 { capacity <<= 1 }
        keys = [Int32](repeating: -1, count: capacity)
        sums = [Float](repeating: 0, count: capacity)
        mask = capacity - 1
        order.reserveCapacity(expectedHits)
    }

    mutating func add(_ bucket: Int32, weight: Float) {
        if order.count * 2 >= keys.count { grow() }
        var slot = Int(truncatingIfNeeded: UInt32(bitPattern: bucket) &* 0x9E37_79B1) & mask
        while true {
            let key = keys[slot]
            if key == bucket {
                sums[slot] += weight
                return
            }
            if key < 0 {
                keys[slot] = bucket
                sums[slot] = weight
                order.append(Int32(slot))
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// The distinct buckets (in first-hit order) with their summed weights.
    func vector() -> SparseVector {
        SparseVector(indices: order.map { keys[Int($0)] }, values: order.map { sums[Int($0)] })
    }

    private mutating func grow() {
        var bigger = BucketAccumulator(expectedHits: keys.count)
        for slot in order { bigger.add(keys[Int(slot)], weight: sums[Int(slot)]) }
        self = bigger
    }
}
