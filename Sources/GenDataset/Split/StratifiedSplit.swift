import GenCore

/// Deals rows into splits so that every label keeps (to within one row) the dataset's proportions in each split:
/// a 10% test split of a 90/10 dataset still has its rare label. Seeded, so the same run and seed give the same files.
public enum StratifiedSplit {
    /// Row positions per split, in the spec's order; each split keeps the dataset's order. `strata` gives each
    /// row's label (nil: no label field, one stratum).
    public static func assign(strata: [String?], spec: SplitSpec, seed: UInt64) -> [[Int]] {
        var groups: [String?: [Int]] = [:]
        var order: [String?] = []
        for (position, label) in strata.enumerated() {
            if groups[label] == nil { order.append(label) }
            groups[label, default: []].append(position)
        }
        var result = Array(repeating: [Int](), count: spec.shares.count)
        for label in order {
            var members = groups[label] ?? []
            var random = SeededRandom(seed: seed).derived("split:" + (label ?? ""))
            members.shuffle(using: &random)
            var start = 0
            for (index, count) in counts(members.count, spec.shares.map(\.fraction)).enumerated() {
                result[index] += members[start..<(start + count)]
                start += count
            }
        }
        return result.map { $0.sorted() }
    }

    /// Largest-remainder rounding of `total * fraction`: the counts sum to `total` exactly.
    static func counts(_ total: Int, _ fractions: [Double]) -> [Int] {
        let exact = fractions.map { Double(total) * $0 }
        var counts = exact.map { Int($0.rounded(.down)) }
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        for index in byRemainder.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }
}
