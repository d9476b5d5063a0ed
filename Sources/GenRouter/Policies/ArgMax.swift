import GenCore

/// Picks the element with the highest score, breaking exact ties uniformly at random (reservoir style,
/// so the generator is consumed only when a tie actually occurs).
enum ArgMax {
    /// `scores` is parallel to `candidates` (computed first, so scoring may itself draw from the generator).
    static func pick(_ candidates: [Int], scores: [Double], using rng: inout SeededRandom) -> Int {
        var best = candidates[0]
        var bestScore = scores[0]
        var ties = 1
        for (candidate, value) in zip(candidates, scores).dropFirst() {
            if value > bestScore {
                best = candidate
                bestScore = value
                ties = 1
            } else if value == bestScore {
                ties += 1
                if rng.nextIndex(ties) == 0 { best = candidate }
            }
        }
        return best
    }

    /// Among `candidates`, those not yet tried, counting slots already given in this batch as tries.
    static func untried(_ candidates: [Int], arms: ArmTable, context: SlotContext) -> [Int] {
        candidates.filter { arms.statistics[$0].count <= 0 && context.pending[$0] == 0 }
    }
}
