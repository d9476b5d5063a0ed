import GenCore
import Testing
@testable import GenRouter

@Suite struct RouterStateTests {
    static let policies = ["epsilon_greedy", "ucb1", "thompson", "gaussian_thompson", "random"]
    static let arguments: [String: Double] = [:]

    /// Plays `batches` batches on the actor with rewards from a seeded environment; returns every decision.
    static func play(_ router: Router, batches: Int, environment: inout SeededRandom) async throws -> [[String]] {
        var decisions: [[String]] = []
        for _ in 0..<batches {
            let chosen = try await router.allocate(slots: 7)
            decisions.append(chosen)
            let rewards = chosen.map { id in
                Observation(arm: id, reward: id == "b" ? environment.nextUnit() : environment.nextUnit() * 0.6)
            }
            try await router.observe(rewards)
        }
        return decisions
    }

    @Test(arguments: policies)
    func restoringFromJSONContinuesExactly(policy: String) async throws {
        let arms = ["a", "b", "c"]
        let arguments: [String: Double] = policy == "epsilon_greedy" ? ["epsilon": 0.3, "decay": 0.9, "min": 0.05] : [:]
        var straightEnvironment = SeededRandom(seed: 5)
        let straight = try Router(policy: policy, arguments: arguments, arms: arms, rng: SeededRandom(seed: 11))
        let expected = try await Self.play(straight, batches: 30, environment: &straightEnvironment)

        var environment = SeededRandom(seed: 5)
        let first = try Router(policy: policy, arguments: arguments, arms: arms, rng: SeededRandom(seed: 11))
        var decisions = try await Self.play(first, batches: 15, environment: &environment)
        let saved = await first.snapshot().canonicalJSON
        let resumed = try Router(restoring: try RouterState(canonicalJSON: saved))
        decisions += try await Self.play(resumed, batches: 15, environment: &environment)

        #expect(decisions == expected)
        #expect(await resumed.snapshot() == straight.snapshot())
    }

    @Test func sameSeedSameDecisionsOtherSeedOtherDecisions() throws {
        func decisions(seed: UInt64) throws -> [String] {
            var router = try TestBandit.router("gaussian_thompson", arms: 5, seed: seed)
            var all: [String] = []
            for _ in 0..<10 {
                let chosen = try router.allocate(slots: 10)
                all += chosen
                try router.observe(chosen.map { Observation(arm: $0, reward: 0.5) })
            }
            return all
        }
        #expect(try decisions(seed: 3) == decisions(seed: 3))
        #expect(try decisions(seed: 3) != decisions(seed: 4))
    }

    @Test func canonicalJSONRoundTripsFloatsBitForBit() throws {
        var values = SeededRandom(seed: 1)
        let statistics = (0..<50).map { _ in
            ArmStatistics(count: values.nextUnit() * 1e6, sum: values.nextUnit() * 1e-7,
                          sumOfSquares: values.nextUnit() * 3)
        } + [ArmStatistics(count: 3, sum: .leastNonzeroMagnitude, sumOfSquares: 1e300)]
        let table = try ArmTable(ids: statistics.indices.map { "arm\($0)" }, statistics: statistics)
        let state = RouterState(
            policy: PolicyState(name: "gaussian_thompson", parameters: PolicyParameters(["gamma": 0.995, "sd_min": 0.1]),
                                arms: table),
            clock: RouterClock(batches: 12, observations: 240), rng: SeededRandom(seed: .max), epsilon: nil)
        let text = state.canonicalJSON
        let restored = try RouterState(canonicalJSON: text)
        #expect(restored == state)
        #expect(restored.canonicalJSON == text)
        #expect(restored.rng.state == .max)
    }

    @Test func stateLayoutIsReadable() throws {
        var router = try TestBandit.router("epsilon_greedy", ["epsilon": 0.25], arms: 2)
        try router.observe(arm: "arm1", reward: 0.5)
        let text = router.state.canonicalJSON
        #expect(text.hasPrefix(#"{"arms":{"arm0":[0.0,0.0,0.0],"arm1":[1.0,0.5,0.25]},"clock":{"batches":0,"observations":1},"epsilon":0.25,"order":["arm0","arm1"],"parameters":{"#))
        #expect(text.contains(#""policy":"epsilon_greedy","rng":"7","version":1}"#))
    }

    @Test func malformedStatesAreClearErrors() throws {
        let good = try TestBandit.router("ucb1", arms: 2).state.canonicalJSON
        #expect(throws: RouterError.malformedState("not valid JSON")) { try RouterState(canonicalJSON: "{oops") }
        #expect(throws: RouterError.malformedState("missing 'rng'")) {
            try RouterState(canonicalJSON: good.replacingOccurrences(of: #""rng""#, with: #""rgn""#))
        }
        #expect(throws: RouterError.malformedState("'arms' and 'order' name different arms")) {
            try RouterState(canonicalJSON: good.replacingOccurrences(of: #"["arm0","arm1"]"#, with: #"["arm0","arm9"]"#))
        }
        let edited = try RouterState(canonicalJSON: good.replacingOccurrences(of: #""c":2.0"#, with: #""c":-2.0"#))
        #expect(throws: RouterError.parameterOutOfRange(policy: "ucb1", name: "c", value: -2, range: "[0, 100]")) {
            try Router(restoring: edited)
        }
    }
}
