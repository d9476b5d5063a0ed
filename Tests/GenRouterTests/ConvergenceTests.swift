import Testing
@testable import GenRouter

/// Every adaptive policy ends up giving most slots to a clearly best arm.
@Suite struct ConvergenceTests {
    @Test(arguments: ["epsilon_greedy", "ucb1", "thompson", "gaussian_thompson"])
    func convergesToTheClearlyBestArm(policy: String) throws {
        var router = try TestBandit.router(policy, arms: 4)
        var bandit = TestBandit(means: [0.2, 0.3, 0.8, 0.25])
        let counts = try bandit.play(&router, batches: 60, slots: 10, tail: 20)
        let share = Double(counts[2]) / Double(counts.reduce(0, +))
        #expect(share > 0.8, "\(policy) gave the best arm only \(share) of the last slots: \(counts)")
    }

    @Test func randomPolicyDoesNotConverge() throws {
        var router = try TestBandit.router("random", arms: 4)
        var bandit = TestBandit(means: [0.2, 0.3, 0.8, 0.25])
        let counts = try bandit.play(&router, batches: 60, slots: 10, tail: 20)
        #expect(counts.allSatisfy { $0 > 20 && $0 < 80 }, "random should spread about 50 each: \(counts)")
    }

    /// Learns arm0 is best over 1000 samples, then arm2 becomes best; returns slots per arm after the switch.
    func slotsAfterSwitch(_ policy: String, batches: Int) throws -> [Int] {
        var router = try TestBandit.router(policy, arms: 3)
        var bandit = TestBandit(means: [0.8, 0.3, 0.3])
        _ = try bandit.play(&router, batches: 50, slots: 20, tail: 1)
        bandit.means = [0.3, 0.3, 0.8]
        return try bandit.play(&router, batches: batches, slots: 20, tail: min(batches, 20))
    }

    @Test func gaussianThompsonFollowsASwitchOfTheBestArm() throws {
        let counts = try slotsAfterSwitch("gaussian_thompson", batches: 50)
        #expect(Double(counts[2]) / 400 > 0.8, "after the switch arm2 should dominate: \(counts)")
    }

    @Test func undiscountedThompsonIsSlowerToFollowASwitch() throws {
        let counts = try slotsAfterSwitch("thompson", batches: 10)
        #expect(counts[0] > counts[2], "1000 old samples should still favour arm0 for a while: \(counts)")
    }
}
