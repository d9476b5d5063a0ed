import Foundation
import Testing
import GenCore
import GenGeneration
import GenPipeline
import GenRouter
import GenStore
@testable import GenRun

/// An arm that draws real SMS texts: with the right label (`faithful`) or with a random one (label noise).
struct RealTextArm: Arm {
    let name: String
    let faithful: Bool
    let rows: [(text: String, label: String)]

    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        slots.map { slot in
            var rng = SeededRandom(seed: slot.seed)
            let wanted = slot.targetLabel ?? "ham"
            let pool = rows.filter { $0.label == wanted }
            let row = pool[rng.nextIndex(pool.count)]
            let label = faithful ? row.label : (rng.nextUnit() < 0.5 ? "ham" : "spam")
            return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel,
                             sample: .object(["text": .string(row.text), "label": .string(label)]), rawText: row.text, failure: nil)
        }
    }
}

@Suite struct EvaluationStageTests {
    static func smsRows() throws -> [(text: String, label: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("examples/data/sms_spam_test.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let row = CanonicalJSON.parse(String(line)), let body = row["text"]?.stringValue,
                  let label = row["label"]?.stringValue else { return nil }
            return (body, label)
        }
    }

    @Test func evaluationsAreRecordedWithCreditAndReachTheRouter() async throws {
        let rows = try Self.smsRows()
        let trainRows = Array(rows.prefix(200)), testRows = Array(rows.suffix(100))
        var graph = RunFixtures.graph(count: 40, batch: 8, policy: "epsilon_greedy")
        graph.arms = ["clean", "noisy"].map { ArmNode(name: $0, kind: "fake", model: nil, parameters: [:], source: .synthesized) }
        graph.evaluation = EvaluationNode(
            textField: "text", labelField: "label",
            test: testRows.map { .object(["text": .string($0.text), "label": .string($0.label)]) }, testPath: "sms_test.jsonl",
            train: [], every: 16, weight: 1, classifier: "nb", source: .synthesized)
        let arms: [String: any Arm] = [
            "clean": RealTextArm(name: "clean", faithful: true, rows: trainRows),
            "noisy": RealTextArm(name: "noisy", faithful: false, rows: trainRows),
        ]
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 21)
        // Duplicates of real rows are fine here: this test is about the evaluation stage, so no dedup.
        let run = AdaptiveRun(graph: graph, arms: arms, quality: AcceptAll(), reward: DefaultReward(), store: store,
                              configuration: RunConfiguration(seed: 21, targetCount: 40, batchSize: 8))
        _ = try await run.run()

        let evaluations = try await store.evaluations()
        // Every 16 accepted (16, 32) and once at the end (40).
        #expect(evaluations.map(\.afterAccepted) == [16, 32, 40])
        let last = try #require(evaluations.last)
        #expect(last.protocolName.contains("held-out"))
        let clean = try #require(last.credit["clean"]), noisy = try #require(last.credit["noisy"])
        #expect(clean > noisy)
        let accuracy = try #require(last.metrics["accuracy"]?.doubleValue)
        #expect(accuracy > 0.5)
        // The pseudo-observations moved the router: with an undiscounted policy its counts are the 40
        // real observations plus weight x batch (1 x 8) per arm per evaluation (3 evaluations, 2 arms).
        let state = try RouterState(json: try #require(last.routerState))
        #expect(abs(state.policy.arms.totalCount - Double(40 + 3 * 2 * 8)) < 1e-9)
    }
}

/// Accepts every readable sample (for tests about stages after quality).
struct AcceptAll: QualityAssessor {
    func assess(_ candidates: [Candidate]) async throws -> [Assessment] {
        candidates.map { Assessment(passed: $0.sample != nil, reasons: $0.sample == nil ? ["unreadable"] : []) }
    }
    func commit(accepted: [JSONValue]) async {}
    func poolMetrics() async -> MetricValues { [:] }
}
