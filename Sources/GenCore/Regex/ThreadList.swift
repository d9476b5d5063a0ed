/// The set of program counters alive at one text position: a sparse set, so inserting, testing and
/// clearing are O(1) and a counter is never added twice (which is what keeps the matcher linear).
///
/// It lives in memory the matcher allocates once per run (`Workspace`), so the hot loop does no
/// allocation, reference counting or copy-on-write checks.
struct ThreadList {
    let dense: UnsafeMutablePointer<Int32>
    private let sparse: UnsafeMutablePointer<Int32>
    private(set) var count = 0

    init(dense: UnsafeMutablePointer<Int32>, sparse: UnsafeMutablePointer<Int32>) {
        self.dense = dense
        self.sparse = sparse
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

/// One allocation for a run's two thread lists and its closure stack, zeroed (a sparse set reads slots it
/// never wrote, and they must hold some value).
struct Workspace {
    let memory: UnsafeMutablePointer<Int32>
    let size: Int

    init(programSize size: Int) {
        self.size = size
        // Two lists of dense + sparse, and a stack: a closure pushes each edge at most once.
        memory = .allocate(capacity: 7 * size + 2)
        memory.initialize(repeating: 0, count: 7 * size + 2)
    }

    func lists() -> (ThreadList, ThreadList) {
        (ThreadList(dense: memory, sparse: memory + size), ThreadList(dense: memory + 2 * size, sparse: memory + 3 * size))
    }

    var stack: UnsafeMutablePointer<Int32> { memory + 4 * size }

    func deallocate() {
        memory.deallocate()
    }
}
