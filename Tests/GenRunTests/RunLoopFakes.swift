import Foundation
import GenCore
import GenGeneration
import GenPipeline
import GenStore
@testable import GenRun

/// An arm whose output depends only on the slot seed, like a seeded model: same seed, same sample.
struct SeededFakeArm: Arm {
    let name: String
    /// Share of outputs that are unreadable, to exercise rejections.
    let junkRate: Double
    /// Size of the vocabulary of texts; small values make duplicates.
    let variety: Int

    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        slots.map { slot in
            var rng = SeededRandom(seed: slot.seed)
            if rng.nextUnit() < junkRate {
                return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: nil,
                                 rawText: "Sure! {\"text\":", failure: "unreadable output: truncated JSON", promptTokens: 20, completionTokens: 5)
            }
            let label = slot.targetLabel ?? "ham"
            let text = "\(name) says \(label) number \(rng.nextIndex(variety))"
            return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel,
                             sample: .object(["text": .string(text), "label": .string(label)]), rawText: text, failure: nil,
                             promptTokens: 20, completionTokens: 10)
        }
    }
}

/// Exact-text dedup against the pool and the batch, plus the arm's parse failure.
actor FakeQuality: QualityAssessor {
    var pool: Set<String> = []

    func assess(_ candidates: [Candidate]) async throws -> [Assessment] {
        var seen = pool
        return candidates.map { candidate in
            let sample = candidate.sample, failure = candidate.failure
            guard let text = sample?["text"]?.stringValue else {
                return Assessment(passed: false, reasons: [failure ?? "no sample"],
                                  checks: [CheckRecord(stage: "parse", kind: "parse", passed: false)], quality: 0, novelty: 0)
            }
            if seen.contains(text) {
                return Assessment(passed: false, reasons: ["duplicate"],
                                  checks: [CheckRecord(stage: "dedup", kind: "dedup", passed: false)], quality: 1, novelty: 0)
            }
            seen.insert(text)
            return Assessment(passed: true, reasons: [], checks: [CheckRecord(stage: "dedup", kind: "dedup", passed: true)],
                              quality: 1, novelty: 1)
        }
    }

    func commit(accepted: [JSONValue]) async {
        for sample in accepted { if let text = sample["text"]?.stringValue { pool.insert(text) } }
    }

    func poolMetrics() async -> MetricValues { [.poolSize: Double(pool.count)] }
}

/// Records every progress report.
actor ProgressLog: RunObserver {
    var reports: [RunProgress] = []
    func batchFinished(_ progress: RunProgress) async { reports.append(progress) }
}

enum RunFixtures {
    static func graph(count: Int = 12, batch: Int = 4, policy: String = "epsilon_greedy",
                      arms: [String] = ["good", "junky", "repetitive"]) -> PipelineGraph {
        let schema = OutputSchema(fields: [
            SchemaField(name: "text", type: .string()),
            SchemaField(name: "label", type: .enumeration(["ham", "spam"])),
        ])
        let spec = SpecNode(
            name: "sms", domain: "SMS", output: schema, outputName: "Sms", count: count, batch: batch, constraints: [],
            examples: [], labelField: "label", quotas: [:], budget: BudgetNode(), source: .synthesized)
        let reward = IRExpr(.float(0), type: .float, source: .synthesized)
        return PipelineGraph(
            languageVersion: "0.1", script: ScriptIdentity(path: "t.gen", sha256: "x"), models: [], spec: spec,
            arms: arms.map { ArmNode(name: $0, kind: "fake", model: nil, parameters: [:], source: .synthesized) },
            router: RouterNode(policy: policy, parameters: [:], source: .synthesized), quality: [], reward: reward,
            evaluation: nil, constants: [:], functions: [])
    }

    static let arms: [String: any Arm] = [
        "good": SeededFakeArm(name: "good", junkRate: 0, variety: 1_000_000),
        "junky": SeededFakeArm(name: "junky", junkRate: 0.7, variety: 1_000_000),
        "repetitive": SeededFakeArm(name: "repetitive", junkRate: 0, variety: 2),
    ]

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gen-run-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func newStore(_ directory: URL, graph: PipelineGraph, seed: UInt64) throws -> RunStore {
        try RunStore(creating: NewRun(scriptPath: "t.gen", scriptSHA256: "x", seed: seed, graph: .object([:]),
                                      targetCount: graph.spec.count), in: directory)
    }
}
