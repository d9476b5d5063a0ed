/// The set of program counters alive at one text position: a sparse set, so inserting, testing and
/// clearing are O(1) and a counter is never added twice (which is what keeps the matcher linear).
struct ThreadList {
    private(set) var dense: [Int32]
    private var sparse: [Int32]
    private(set) var count = 0

    init(capacity: Int) {
        dense = Array(repeating: 0, count: capacity)
        sparse = Array(repeating: 0, count: capacity)
    }

    func contains(_ pc: Int) -> Bool {
        let slot = Int(sparse[pc])
        return slot < count && Int(dense[slot]) == pc
    }

    mutating func insert(_ pc: Int) {
        sparse[pc] = Int32(count)
        dense[count] = Int32(pc)
        count += 1
    }

    mutating func removeAll() {
        count = 0
    }
}
