import GenCore
import Testing
@testable import GenRouter

@Suite struct ContextualThompsonTests {
    /// Two labels whose best arm differs: arm0 for "a", arm2 for "b"; arm1 is the best on average (0.6 vs 0.55).
    static let means: [String: [Double]] = ["a": [0.8, 0.6, 0.3], "b": [0.3, 0.6, 0.8]]

    /// Plays `batches` batches of 10 slots, labels alternating; returns slots per (label, arm) in the last `tail`
    /// batches and the pseudo-regret over the whole run.
    static func play(_ policy: String, _ arguments: [String: Double] = [:], batches: Int = 60, tail: Int = 20,
                     seed: UInt64 = 7) throws -> (counts: [String: [Int]], regret: Double) {
        var router = try TestBandit.router(policy, arguments, arms: 3, seed: seed)
        var environment = SeededRandom(seed: 99)
        var counts: [String: [Int]] = ["a": [0, 0, 0], "b": [0, 0, 0]]
        var regret = 0.0
        for batch in 0..<batches {
            let labels: [String?] = (0..<10).map { $0 % 2 == 0 ? "a" : "b" }
            let chosen = try router.allocate(contexts: labels)
            var observations: [Observation] = []
            for (id, label) in zip(chosen, labels) {
                let arm = try #require(router.armIDs.firstIndex(of: id))
                let label = try #require(label), means = try #require(Self.means[label])
                if batch >= batches - tail { counts[label]?[arm] += 1 }
                regret += (means.max() ?? 0) - means[arm]
                observations.append(Observation(arm: id, reward: environment.nextUnit() < means[arm] ? 1 : 0,
                                                context: label))
            }
            try router.observe(observations)
        }
        return (counts, regret)
    }

    @Test func learnsTheBestArmPerLabel() throws {
        let contextual = try Self.play("contextual_thompson")
        // 20 batches of 5 slots per label at the end.
        #expect(try #require(contextual.counts["a"])[0] >= 85, "\(contextual.counts)")
        #expect(try #require(contextual.counts["b"])[2] >= 85, "\(contextual.counts)")
        let plain = try Self.play("thompson")
        #expect(try #require(plain.counts["a"])[0] < 60, "thompson cannot tell the labels apart: \(plain.counts)")
        #expect(contextual.regret < 0.5 * plain.regret, "\(contextual.regret) vs \(plain.regret)")
    }

    @Test func aNewLabelBorrowsFromTheArmsOtherLabels() throws {
        func shareOfArm0(n0: Double) throws -> Double {
            var router = try TestBandit.router("contextual_thompson", ["n0": n0], arms: 2)
            var environment = SeededRandom(seed: 3)
            for _ in 0..<20 {
                let chosen = try router.allocate(contexts: Array(repeating: "old", count: 10))
                try router.observe(chosen.map { id in
                    Observation(arm: id, reward: environment.nextUnit() < (id == "arm0" ? 0.9 : 0.1) ? 1 : 0,
                                context: "old")
                })
            }
            let fresh = try router.allocate(contexts: Array(repeating: "new", count: 400))
            return Double(fresh.filter { $0 == "arm0" }.count) / 400
        }
        // Prior Beta(1 + 5 m, 1 + 5 (1 - m)) from "old": arm0 near 0.9 and arm1 near 0.1 separate well.
        #expect(try shareOfArm0(n0: 5) > 0.85)
        // Without borrowing a new label knows nothing: a coin flip per slot.
        let apart = try shareOfArm0(n0: 0)
        #expect(apart > 0.4 && apart < 0.6, "\(apart)")
    }

    @Test func aLabelsOwnEvidenceOutweighsTheBorrowedPrior() throws {
        var router = try TestBandit.router("contextual_thompson", arms: 2)
        // Elsewhere arm0 is far better; under "rare" arm1 is.
        for _ in 0..<50 {
            try router.observe([Observation(arm: "arm0", reward: 1, context: "common"),
                                Observation(arm: "arm1", reward: 0, context: "common")])
        }
        for _ in 0..<30 {
            try router.observe([Observation(arm: "arm0", reward: 0, context: "rare"),
                                Observation(arm: "arm1", reward: 1, context: "rare")])
        }
        let chosen = try router.allocate(contexts: Array(repeating: "rare", count: 200))
        #expect(chosen.filter { $0 == "arm1" }.count > 180)
        let elsewhere = try router.allocate(contexts: Array(repeating: "common", count: 200))
        #expect(elsewhere.filter { $0 == "arm0" }.count > 180)
    }

    /// Without labels the policy is `thompson`, draw for draw, so a spec without a label field loses nothing.
    @Test func unlabelledSlotsDecideExactlyLikeThompson() throws {
        func decisions(_ policy: String) throws -> [String] {
            var router = try TestBandit.router(policy, arms: 4, seed: 21)
            var environment = SeededRandom(seed: 8)
            var all: [String] = []
            for _ in 0..<25 {
                let chosen = try router.allocate(slots: 6)
                all += chosen
                try router.observe(chosen.map { Observation(arm: $0, reward: environment.nextUnit()) })
            }
            return all
        }
        #expect(try decisions("contextual_thompson") == decisions("thompson"))
    }

    @Test func contextsAreIgnoredByTheOtherPolicies() throws {
        for policy in ["thompson", "gaussian_thompson", "ucb1", "epsilon_greedy", "random"] {
            var labelled = try TestBandit.router(policy, arms: 3)
            var plain = try TestBandit.router(policy, arms: 3)
            for _ in 0..<10 {
                let a = try labelled.allocate(contexts: ["x", "y", nil, "x", "y"])
                let b = try plain.allocate(slots: 5)
                #expect(a == b, "\(policy)")
                try labelled.observe(a.map { Observation(arm: $0, reward: $0 == "arm1" ? 0.9 : 0.2, context: "x") })
                try plain.observe(b.map { Observation(arm: $0, reward: $0 == "arm1" ? 0.9 : 0.2) })
            }
            #expect(labelled.state == plain.state, "\(policy)")
            #expect(!labelled.state.canonicalJSON.contains("contexts"))
        }
    }

    @Test func perLabelStatisticsRoundTripAndResumeExactly() async throws {
        func play(_ router: Router, batches: Int, environment: inout SeededRandom) async throws -> [[String]] {
            var decisions: [[String]] = []
            for _ in 0..<batches {
                let labels: [String?] = ["a", "b", "a", nil, "b", "a"]
                let chosen = try await router.allocate(contexts: labels)
                decisions.append(chosen)
                try await router.observe(zip(chosen, labels).map { id, label in
                    Observation(arm: id, reward: environment.nextUnit() * (id == "arm1" ? 1 : 0.5), context: label)
                })
            }
            return decisions
        }
        let arguments: [String: Double] = ["gamma": 0.99, "n0": 3]
        var straightEnvironment = SeededRandom(seed: 5)
        let straight = try Router(policy: "contextual_thompson", arguments: arguments, arms: TestBandit.ids(3),
                                  rng: SeededRandom(seed: 11))
        let expected = try await play(straight, batches: 30, environment: &straightEnvironment)

        var environment = SeededRandom(seed: 5)
        let first = try Router(policy: "contextual_thompson", arguments: arguments, arms: TestBandit.ids(3),
                               rng: SeededRandom(seed: 11))
        var decisions = try await play(first, batches: 15, environment: &environment)
        let saved = await first.snapshot()
        #expect(Set(saved.policy.contexts.keys) == ["a", "b"])
        #expect(saved.canonicalJSON.contains(#""contexts":{"a":{"arm0":["#))
        let restored = try RouterState(canonicalJSON: saved.canonicalJSON)
        #expect(restored == saved)
        let resumed = try Router(restoring: restored)
        decisions += try await play(resumed, batches: 15, environment: &environment)
        #expect(decisions == expected)
        #expect(await resumed.snapshot() == straight.snapshot())
    }

    @Test func malformedContextsAreRejected() throws {
        var router = try TestBandit.router("contextual_thompson", arms: 2)
        try router.observe([Observation(arm: "arm0", reward: 1, context: "a")])
        let text = router.state.canonicalJSON
        let missingArm = text.replacingOccurrences(of: #""a":{"arm0":[1.0,1.0,1.0],"#, with: #""a":{"#)
        #expect(missingArm != text)
        #expect(throws: RouterError.malformedState("context 'a' and 'order' name different arms")) {
            try RouterState(canonicalJSON: missingArm)
        }
        var state = router.state
        state.policy.name = "thompson"
        state.policy.parameters = PolicyParameters(["gamma": 1])
        #expect(throws: RouterError.malformedState("router policy 'thompson' keeps no per-context statistics")) {
            try RouterCore(restoring: state)
        }
    }
}
