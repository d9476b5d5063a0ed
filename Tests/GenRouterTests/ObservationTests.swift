import Testing
@testable import GenRouter

@Suite struct ObservationTests {
    @Test func pseudoObservationAddsWeightedSumsWithoutTickingTheClock() throws {
        var router = try TestBandit.router("gaussian_thompson", arms: 2)
        try router.observe(arm: "arm1", reward: 0.5, weight: 4)
        let stats = router.state.policy.arms.statistics[1]
        #expect(stats == ArmStatistics(count: 4, sum: 2, sumOfSquares: 1))
        #expect(router.state.policy.arms.statistics[0] == ArmStatistics())
        #expect(router.clock.observations == 0)
    }

    @Test func realObservationsDiscountEveryArmByGamma() throws {
        var router = try TestBandit.router("gaussian_thompson", ["gamma": 0.5], arms: 2)
        try router.observe(arm: "arm0", reward: 1)
        try router.observe(arm: "arm1", reward: 0.4)
        let arms = router.state.policy.arms.statistics
        #expect(arms[0] == ArmStatistics(count: 0.5, sum: 0.5, sumOfSquares: 0.5))
        #expect(arms[1] == ArmStatistics(count: 1, sum: 0.4, sumOfSquares: 0.4 * 0.4))
        #expect(router.clock.observations == 2)
    }

    @Test func pseudoCreditSteersAGreedyRouter() throws {
        var router = try TestBandit.router("epsilon_greedy", ["epsilon": 0], arms: 3)
        for id in router.armIDs { try router.observe(arm: id, reward: 0.5) }
        try router.observe(arm: "arm2", reward: 1, weight: 3)
        #expect(try router.allocate(slots: 4) == Array(repeating: "arm2", count: 4))
    }

    @Test func badRewardsAndWeightsAreRejectedWithoutChangingState() throws {
        var router = try TestBandit.router("thompson", arms: 2)
        let before = router.state
        #expect(throws: RouterError.rewardOutOfRange(arm: "arm0", reward: 1.5)) {
            try router.observe([Observation(arm: "arm1", reward: 1), Observation(arm: "arm0", reward: 1.5)])
        }
        #expect(throws: RouterError.self) { try router.observe(arm: "arm0", reward: .nan) }
        #expect(throws: RouterError.unknownArm("x")) { try router.observe(arm: "x", reward: 0.2) }
        #expect(throws: RouterError.invalidWeight(arm: "arm0", weight: -1)) {
            try router.observe(arm: "arm0", reward: 0.2, weight: -1)
        }
        #expect(router.state == before)
    }

    @Test func fractionalRewardsCountAsFractionalSuccesses() throws {
        var router = try TestBandit.router("thompson", arms: 2)
        for _ in 0..<200 { try router.observe(arm: "arm0", reward: 0.7) }
        for _ in 0..<200 { try router.observe(arm: "arm1", reward: 0.6) }
        let chosen = try router.allocate(slots: 100)
        #expect(chosen.filter { $0 == "arm0" }.count > 80, "a 0.7 vs 0.6 gap over 200 samples each is clear")
    }
}
