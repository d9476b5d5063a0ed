/// The random-hyperplane tables: codes, buckets, probing, the Hamming shortlist, and the rebuilds as the
/// pool doubles.
extension VectorIndex {
    /// Words per sketch: one bit per hyperplane.
    var sketchWords: Int { config.planes / 64 }

    /// The sketch of a projection under the current centre: bit p is set when the projection on plane p
    /// exceeds the centre's.
    func sketch(ofProjection projected: [Float]) -> [UInt64] {
        projected.withUnsafeBufferPointer { sketch(of: $0) }
    }

    func sketch(of projected: UnsafeBufferPointer<Float>) -> [UInt64] {
        let words = sketchWords
        guard projected.count >= words * 64 else { return Array(repeating: 0, count: words) }
        return centreProjection.withUnsafeBufferPointer { centre in
            (0..<words).map { word in
                var bits: UInt64 = 0
                for bit in 0..<64 {
                    let plane = word * 64 + bit
                    bits |= UInt64(projected[plane] > centre[plane] ? 1 : 0) << UInt64(bit)
                }
                return bits
            }
        }
    }

    /// Table `table`'s bucket code within a sketch starting at `base` (its `activeBits` low bits are used).
    func code(table: Int, sketch: UnsafeBufferPointer<UInt64>, base: Int) -> UInt32 {
        let first = table * config.maxBits
        let word = first >> 6, shift = UInt64(first & 63)
        var bits = sketch[base + word] >> shift
        if shift + UInt64(config.maxBits) > 64 && word + 1 < sketchWords {
            bits |= sketch[base + word + 1] << (64 - shift)
        }
        return UInt32(truncatingIfNeeded: bits) & ((1 << UInt32(config.maxBits)) - 1)
    }

    /// The rows worth verifying: every row in the probed buckets, ranked by the Hamming distance of its tag
    /// to the query's, the `shortlist` nearest kept (each row once).
    func shortlist(for item: VectorItem) -> [Int] {
        shortlistAndScanned(for: item).rows
    }

    /// The shortlist and how many bucket entries were read to make it (the benchmark reports the latter).
    public func shortlistAndScanned(for item: VectorItem) -> (rows: [Int], scanned: Int) {
        let query = sketch(ofProjection: item.projection)
        let queryTag = query[sketchWords - 1]
        var best = Shortlist(capacity: config.shortlist)
        var scanned = 0
        var uncertain = UncertainBits(capacity: config.probeFlips)
        var slots = [Int]()
        slots.reserveCapacity(config.tables * (config.probeFlips + 1))
        query.withUnsafeBufferPointer { query in
            for table in 0..<config.tables {
                uncertain.reset()
                for bit in 0..<activeBits {
                    let plane = table * config.maxBits + bit
                    uncertain.offer(bit: bit, margin: abs(item.projection[plane] - centreProjection[plane]))
                }
                let own = code(table: table, sketch: query, base: 0)
                slots.append(slot(table: table, code: own))
                for bit in uncertain.bits { slots.append(slot(table: table, code: own ^ (1 << UInt32(bit)))) }
            }
        }
        buckets.forEach(slots: slots) { row, tag in
            scanned += 1
            best.offer(row: Int(row), distance: (tag ^ queryTag).nonzeroBitCount)
        }
        return (best.rows, scanned)
    }

    /// Table `table`'s bucket for a code: the tables' buckets lie side by side, `2^activeBits` each, so a
    /// bucket is found by arithmetic rather than hashing (see `ChainedBuckets`).
    func slot(table: Int, code: UInt32) -> Int {
        (table << activeBits) | Int(code & ((1 << UInt32(activeBits)) - 1))
    }

    /// Buckets for the current `activeBits` holding the first `rows` rows, with room for the pool to double.
    func filledBuckets(rows: Int) -> ChainedBuckets {
        sketches.withUnsafeBufferPointer { stored in
            ChainedBuckets(
                slotCount: config.tables << activeBits, rows: rows, slotsPerRow: config.tables,
                expectedEntries: 2 * count * config.tables,
                slot: { row, table in slot(table: table, code: code(table: table, sketch: stored, base: row * sketchWords)) },
                tag: { row in stored[(row + 1) * sketchWords - 1] })
        }
    }

    mutating func insertIntoBuckets(row: Int) {
        let slots = sketches.withUnsafeBufferPointer { stored in
            (0..<config.tables).map { slot(table: $0, code: code(table: $0, sketch: stored, base: row * sketchWords)) }
        }
        let tag = sketches[(row + 1) * sketchWords - 1]
        for slot in slots { buckets.insert(slot: slot, item: Int32(row), tag: tag) }
    }

    /// Re-centres the hyperplanes while the pool is small, sets the bits per bucket to about log2(pool), and
    /// refills the buckets. Runs each time the pool doubles, so its cost is constant per added sample.
    mutating func rebuild() {
        if count <= config.recentreLimit || sketches.count != count * sketchWords {
            let scale = 1 / (centreCount + config.centrePseudoCount)
            centreProjection = projection.project(centreSum.map { $0 * scale })
            let planes = config.planes
            let kept = recentreProjections.count == count * planes
            var fresh = [UInt64]()
            fresh.reserveCapacity(count * sketchWords)
            recentreProjections.withUnsafeBufferPointer { stored in
                for row in 0..<count {
                    if kept {
                        fresh.append(contentsOf: sketch(of: UnsafeBufferPointer(rebasing: stored[row * planes..<(row + 1) * planes])))
                    } else {
                        fresh.append(contentsOf: sketch(ofProjection: projection.project(store.vector(row))))
                    }
                }
            }
            sketches = fresh
        }
        if count >= config.recentreLimit { recentreProjections = [] }
        var bits = 0
        while (1 << bits) < count { bits += 1 }
        activeBits = Swift.min(config.maxBits, Swift.max(4, bits + config.bitsOffset))
        nextRebuild = count * 2
        buckets = filledBuckets(rows: count)
    }
}

/// The bits whose hyperplanes pass closest to the query (smallest |projection - centre|): flipping them
/// gives the buckets the query most nearly fell into.
struct UncertainBits {
    let capacity: Int
    private(set) var bits: [Int] = []
    private var margins: [Float] = []

    init(capacity: Int) {
        self.capacity = capacity
        bits.reserveCapacity(capacity + 1)
        margins.reserveCapacity(capacity + 1)
    }

    var count: Int { bits.count }

    mutating func reset() {
        bits.removeAll(keepingCapacity: true)
        margins.removeAll(keepingCapacity: true)
    }

    /// Keeps the `capacity` smallest margins, sorted ascending (insertion into a tiny array).
    mutating func offer(bit: Int, margin: Float) {
        guard capacity > 0, bits.count < capacity || margin < margins[margins.count - 1] else { return }
        var position = margins.count
        while position > 0 && margins[position - 1] > margin { position -= 1 }
        margins.insert(margin, at: position)
        bits.insert(bit, at: position)
        if bits.count > capacity {
            margins.removeLast()
            bits.removeLast()
        }
    }
}

/// The rows with the smallest Hamming distances seen so far, each once (capacity is small: linear scans).
struct Shortlist {
    let capacity: Int
    private(set) var rows: [Int] = []
    private var distances: [Int] = []
    private var worst = 0

    init(capacity: Int) {
        self.capacity = capacity
        rows.reserveCapacity(capacity)
        distances.reserveCapacity(capacity)
    }

    mutating func offer(row: Int, distance: Int) {
        if rows.count == capacity && distance >= distances[worst] { return }
        if rows.contains(row) { return }
        if rows.count < capacity {
            rows.append(row)
            distances.append(distance)
        } else {
            rows[worst] = row
            distances[worst] = distance
        }
        worst = distances.indices.max { distances[$0] < distances[$1] } ?? 0
    }
}
