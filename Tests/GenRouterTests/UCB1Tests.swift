import Testing
@testable import GenRouter

@Suite struct UCB1Tests {
    @Test func triesEveryArmOnceBeforeRepeatingOne() throws {
        var router = try TestBandit.router("ucb1", arms: 6)
        var seen: [String] = []
        for _ in 0..<6 {
            let chosen = try router.allocate(slots: 1)
            seen += chosen
            try router.observe(arm: chosen[0], reward: 1)  // a perfect reward would tempt a greedy policy to stay
        }
        #expect(Set(seen).count == 6, "first six picks: \(seen)")
    }

    @Test func firstBatchCoversEveryArm() throws {
        var router = try TestBandit.router("ucb1", arms: 4)
        let chosen = try router.allocate(slots: 8)
        #expect(Set(chosen) == Set(TestBandit.ids(4)))
    }

    @Test func pendingPullsSpreadABatchWhenBoundsAreClose() throws {
        var router = try TestBandit.router("ucb1", arms: 3)
        for id in router.armIDs { try router.observe(arm: id, reward: 0.5) }
        let chosen = try router.allocate(slots: 9)
        #expect(Set(chosen).count == 3, "equal arms should share a batch: \(chosen)")
    }
}
