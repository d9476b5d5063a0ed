import GenCore
@testable import GenRouter

/// A small stationary or switching bandit used to drive routers in tests: Bernoulli rewards from known means.
struct TestBandit {
    var means: [Double]
    var environment = SeededRandom(seed: 99)

    init(means: [Double]) {
        self.means = means
    }

    static func ids(_ count: Int) -> [String] {
        (0..<count).map { "arm\($0)" }
    }

    /// Runs `batches` batches of `slots` and returns how many slots each arm got in the last `tail` batches.
    mutating func play(_ router: inout RouterCore, batches: Int, slots: Int, tail: Int) throws -> [Int] {
        var counts = Array(repeating: 0, count: means.count)
        for batch in 0..<batches {
            let chosen = try router.allocate(slots: slots)
            var observations: [Observation] = []
            for id in chosen {
                let arm = router.armIDs.firstIndex(of: id) ?? 0
                if batch >= batches - tail { counts[arm] += 1 }
                observations.append(Observation(arm: id, reward: environment.nextUnit() < means[arm] ? 1 : 0))
            }
            try router.observe(observations)
        }
        return counts
    }

    static func router(_ policy: String, _ arguments: [String: Double] = [:], arms: Int,
                       seed: UInt64 = 7) throws -> RouterCore {
        let made = try PolicyRegistry.standard.makePolicy(policy, arguments: arguments, arms: ids(arms))
        return RouterCore(policy: made, rng: SeededRandom(seed: seed))
    }
}
