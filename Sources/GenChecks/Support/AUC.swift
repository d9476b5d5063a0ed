/// The ROC AUC in its Mann-Whitney form: the chance that a positive scores above a negative, ties counting
/// half (0.5 is no signal). How `gen-bench checks` says whether a check tells a true label from a wrong one.
public enum AUC {
    public static func value(positives: [Double], negatives: [Double]) -> Double {
        guard !positives.isEmpty, !negatives.isEmpty else { return 0.5 }
        let sortedNegatives = negatives.sorted()
        var wins = 0.0
        for positive in positives {
            // Negatives below and equal to this positive, by binary search: n log n, not n squared.
            let below = lowerBound(sortedNegatives, positive)
            let equal = lowerBound(sortedNegatives, positive.nextUp) - below
            wins += Double(below) + 0.5 * Double(equal)
        }
        return wins / Double(positives.count * negatives.count)
    }

    static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
