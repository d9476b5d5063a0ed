/// Steers each batch towards the labels that are short of their quota.
///
/// Coverage stays out of the reward (the bandit would learn to farm the easiest label); instead the
/// context asks each slot of a batch for a specific label, in proportion to what is still missing.
public struct LabelQuotas: Sendable, Equatable, Codable {
    /// Target share per label, summing to 1.
    public var shares: [String: Double]
    /// Labels in a fixed order (the schema's enum order), so allocation is deterministic.
    public var labels: [String]

    /// Balanced over the labels unless the script gives shares; shares are normalised.
    public init(labels: [String], shares: [String: Double] = [:]) {
        self.labels = labels
        if shares.isEmpty {
            let even = labels.isEmpty ? 0 : 1 / Double(labels.count)
            self.shares = Dictionary(labels.map { ($0, even) }, uniquingKeysWith: { first, _ in first })
        } else {
            let total = labels.reduce(0) { $0 + max(0, shares[$1] ?? 0) }
            let normalised = labels.map { ($0, total > 0 ? max(0, shares[$0] ?? 0) / total : 0) }
            self.shares = Dictionary(normalised, uniquingKeysWith: { first, _ in first })
        }
    }

    /// How many more samples each label needs to reach its share of `target`.
    public func deficits(accepted: [String: Int], target: Int) -> [String: Int] {
        var result: [String: Int] = [:]
        for label in labels {
            let wanted = Int((shares[label, default: 0] * Double(target)).rounded(.up))
            result[label] = max(0, wanted - accepted[label, default: 0])
        }
        return result
    }

    /// One label per slot, proportional to the deficits (largest remainder; ties go to the earlier label).
    /// When every quota is met (overshoot from parallel batches), falls back to the shares themselves.
    public func allocate(slots: Int, accepted: [String: Int], target: Int) -> [String] {
        guard slots > 0, !labels.isEmpty else { return [] }
        let deficits = deficits(accepted: accepted, target: target)
        let totalDeficit = deficits.values.reduce(0, +)
        let weights: [Double] = labels.map { label in
            totalDeficit > 0 ? Double(deficits[label, default: 0]) / Double(totalDeficit) : shares[label, default: 0]
        }
        let exact = weights.map { $0 * Double(slots) }
        var counts = exact.map { Int($0.rounded(.down)) }
        var remaining = slots - counts.reduce(0, +)
        let byRemainder = exact.indices.sorted { lhs, rhs in
            let a = exact[lhs] - Double(counts[lhs]), b = exact[rhs] - Double(counts[rhs])
            return a == b ? lhs < rhs : a > b
        }
        for index in byRemainder where remaining > 0 && weights[index] > 0 {
            counts[index] += 1
            remaining -= 1
        }
        // Interleave labels across slots so a batch cut short still covers them evenly.
        var result: [String] = []
        var left = counts
        while result.count < slots {
            var progressed = false
            for (index, label) in labels.enumerated() where left[index] > 0 {
                result.append(label)
                left[index] -= 1
                progressed = true
            }
            if !progressed { result.append(labels[0]) }
        }
        return Array(result.prefix(slots))
    }
}
