import Testing
@testable import GenRouter

@Suite struct BatchLimitsTests {
    @Test(arguments: ["thompson", "gaussian_thompson", "epsilon_greedy", "ucb1"])
    func capIsNeverExceeded(policy: String) throws {
        var router = try TestBandit.router(policy, ["cap": 0.6], arms: 3)
        var bandit = TestBandit(means: [0.1, 0.95, 0.1])
        for _ in 0..<40 {
            let chosen = try router.allocate(slots: 20)
            let most = Dictionary(grouping: chosen, by: { $0 }).values.map(\.count).max() ?? 0
            #expect(most <= 12, "\(policy) gave one arm \(most) of 20 slots with cap 0.6")
            let rewards = chosen.map { id in
                let arm = router.armIDs.firstIndex(of: id) ?? 0
                return Observation(arm: id, reward: bandit.environment.nextUnit() < bandit.means[arm] ? 1 : 0)
            }
            try router.observe(rewards)
        }
    }

    @Test func floorGivesEveryArmItsShareOfEachBatch() throws {
        var router = try TestBandit.router("gaussian_thompson", ["floor": 0.1], arms: 4)
        var bandit = TestBandit(means: [0.9, 0.1, 0.1, 0.1])
        for _ in 0..<30 {
            let chosen = try router.allocate(slots: 20)
            for id in router.armIDs {
                #expect(chosen.filter { $0 == id }.count >= 2, "floor 0.1 of 20 slots is 2 for \(id)")
            }
            try router.observe(chosen.map { id in
                Observation(arm: id, reward: id == "arm0" ? 1 : bandit.environment.nextUnit() < 0.1 ? 1 : 0)
            })
        }
    }

    @Test func capIsRelaxedWhenItCannotBeMet() {
        let limits = BatchLimits(cap: 0.2, floor: 0)
        #expect(limits.capSlots(slots: 10, arms: 2) == 5)
        #expect(limits.capSlots(slots: 1, arms: 3) == 1)
        #expect(BatchLimits(cap: 0.6).capSlots(slots: 20, arms: 5) == 12)
    }

    @Test func floorNeverAsksForMoreThanTheBatch() {
        #expect(BatchLimits(floor: 0.5).floorSlots(slots: 10, arms: 4) == 2)
        #expect(BatchLimits(floor: 0.05).floorSlots(slots: 20, arms: 5) == 1)
        #expect(BatchLimits(floor: 0.05).floorSlots(slots: 1, arms: 5) == 0)
    }

    @Test func onlyAvailableArmsAreAllocated() throws {
        var router = try TestBandit.router("thompson", arms: 4)
        let chosen = try router.allocate(slots: 30, available: ["arm3", "arm1"])
        #expect(chosen.count == 30)
        #expect(Set(chosen).isSubset(of: ["arm1", "arm3"]))
    }

    @Test func badAllocationRequestsAreErrors() throws {
        var router = try TestBandit.router("thompson", arms: 2)
        #expect(throws: RouterError.invalidSlotCount(-1)) { try router.allocate(slots: -1) }
        #expect(throws: RouterError.unknownArm("nope")) { try router.allocate(slots: 3, available: ["nope"]) }
        #expect(throws: RouterError.noArms) { try router.allocate(slots: 3, available: []) }
        #expect(throws: RouterError.duplicateArm("arm0")) { try router.allocate(slots: 3, available: ["arm0", "arm0"]) }
        #expect(try router.allocate(slots: 0).isEmpty)
        #expect(router.clock.batches == 0, "rejected and empty batches do not advance the clock")
    }
}
