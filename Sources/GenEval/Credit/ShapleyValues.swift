/// Shapley values and leave-one-out marginals of a cooperative game over `players` players, given the value
/// of each coalition as a bitmask (bit i set = player i in the coalition).
public enum ShapleyValues {
    /// The largest game `exact` accepts: it evaluates all 2^players coalitions.
    public static let maxExactPlayers = 20

    /// Exact Shapley values: phi_i = sum over S not containing i of |S|!(n-|S|-1)!/n! * (v(S+i) - v(S)).
    /// They always sum to v(all) - v(empty) (efficiency). Each coalition's value is computed once.
    public static func exact(players: Int, value: (UInt32) throws -> Double) throws -> [Double] {
        guard (0...maxExactPlayers).contains(players) else {
            throw EvalError.invalidArgument("exact Shapley supports 0...\(maxExactPlayers) players, got \(players)")
        }
        let coalitionCount = 1 << players
        var values = [Double](repeating: 0, count: coalitionCount)
        for mask in 0..<coalitionCount { values[mask] = try value(UInt32(mask)) }
        let weights = coalitionWeights(players: players)
        var result = [Double](repeating: 0, count: players)
        for mask in 0..<coalitionCount {
            let size = mask.nonzeroBitCount
            for player in 0..<players where mask & (1 << player) == 0 {
                result[player] += weights[size] * (values[mask | (1 << player)] - values[mask])
            }
        }
        return result
    }

    /// Leave-one-out marginals v(all) - v(all without i). Cheap (n + 1 values) but under-credits players that
    /// are redundant with each other, and does not sum to v(all) - v(empty) in general.
    public static func leaveOneOut(players: Int, value: (UInt32) throws -> Double) throws -> [Double] {
        guard (0...31).contains(players) else {
            throw EvalError.invalidArgument("leave-one-out supports 0...31 players, got \(players)")
        }
        let all = UInt32((1 << players) - 1)
        let full = try value(all)
        return try (0..<players).map { player in full - (try value(all & ~(UInt32(1) << player))) }
    }

    /// weights[s] = s!(n-s-1)!/n!, built by ratios so no factorial overflows.
    static func coalitionWeights(players: Int) -> [Double] {
        guard players > 0 else { return [] }
        var weights = [Double](repeating: 0, count: players)
        weights[0] = 1 / Double(players)  // 0!(n-1)!/n!
        for size in stride(from: 1, to: players, by: 1) {
            weights[size] = weights[size - 1] * Double(size) / Double(players - size)
        }
        return weights
    }
}
