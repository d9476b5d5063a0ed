import Foundation
import GenCore
import Testing
@testable import GenRouter

@Suite struct EpsilonGreedyTests {
    @Test func epsilonDecaysPerBatchAndStopsAtTheMinimum() throws {
        var router = try TestBandit.router("epsilon_greedy", ["epsilon": 0.3, "decay": 0.9, "min": 0.05], arms: 3)
        for batch in 0..<40 {
            let expected = max(0.05, 0.3 * pow(0.9, Double(batch)))
            let reported = try #require(router.state.epsilon)
            #expect(abs(reported - expected) < 1e-12, "batch \(batch): \(reported) vs \(expected)")
            let chosen = try router.allocate(slots: 5)
            try router.observe(chosen.map { Observation(arm: $0, reward: 0.5) })
        }
        #expect(router.state.epsilon == 0.05)
    }

    @Test func hyperbolicScheduleDependsOnObservationsNotBatches() {
        let schedule = EpsilonSchedule(initial: 0.4, decay: 1, minimum: 0.01, halfLife: 100)
        #expect(schedule.epsilon(at: RouterClock(batches: 0, observations: 0)) == 0.4)
        #expect(schedule.epsilon(at: RouterClock(batches: 1, observations: 100)) == 0.2)
        #expect(schedule.epsilon(at: RouterClock(batches: 50, observations: 100)) == 0.2)
        #expect(schedule.epsilon(at: RouterClock(batches: 50, observations: 1_000_000)) == 0.01)
    }

    @Test func explorationShareMatchesEpsilon() throws {
        // Arm0 is clearly best after the first tries; with epsilon 0.4 about 0.4 * 3/4 of slots go elsewhere.
        var router = try TestBandit.router("epsilon_greedy", ["epsilon": 0.4], arms: 4)
        var bandit = TestBandit(means: [0.9, 0.1, 0.1, 0.1])
        let counts = try bandit.play(&router, batches: 200, slots: 10, tail: 150)
        let elsewhere = Double(counts[1] + counts[2] + counts[3]) / 1500
        #expect(abs(elsewhere - 0.3) < 0.05, "explored share \(elsewhere), expected about 0.3")
    }

    @Test func greedyTriesEveryArmFirst() throws {
        var router = try TestBandit.router("epsilon_greedy", ["epsilon": 0], arms: 5)
        #expect(Set(try router.allocate(slots: 5)).count == 5)
    }
}
