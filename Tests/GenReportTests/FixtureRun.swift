import Foundation
import GenCore
import GenEval
import GenGeneration
import GenPipeline
import GenRun
import GenStore

/// A deterministic run against fake arms (no LLM): real SMS texts with the right label, with random labels and
/// junk, or from a tiny repertoire. Made once per test process; the report tests read its store.
enum FixtureRun {
    static let shared = Task { try await make(policy: "epsilon_greedy", evaluate: true, name: "fixture") }

    /// Runs the fake pipeline into a new directory, exports dataset.jsonl and closes the store.
    /// - Parameter price: the model's declared price (nil: none, costs unknown).
    static func make(
        policy: String, evaluate: Bool, name: String, seed: UInt64 = 7, count: Int = 48, batch: Int = 8, price: ModelPrice? = nil
    ) async throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-report-\(name)-\(UUID().uuidString)")
        let rows = try smsRows()
        var graph = graph(policy: policy, test: evaluate ? Array(rows.suffix(120)) : nil, count: count, batch: batch)
        graph.models[0].price = price
        let json = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(graph))
        let store = try RunStore(
            creating: NewRun(scriptPath: "examples/sms <spam> & ham.gen", scriptSHA256: String(repeating: "ab", count: 32), seed: seed,
                             graph: json, targetCount: graph.spec.count),
            in: directory)
        let train = Array(rows.prefix(300))
        let arms: [String: any Arm] = [
            "faithful": TextArm(name: "faithful", rows: train, junkRate: 0, noisyLabels: false, variety: nil),
            "noisy": TextArm(name: "noisy", rows: train, junkRate: 0.3, noisyLabels: true, variety: nil),
            "repetitive": TextArm(name: "repetitive", rows: train, junkRate: 0, noisyLabels: false, variety: 3),
        ]
        let run = AdaptiveRun(
            graph: graph, arms: arms, quality: DedupQuality(), reward: DefaultReward(), store: store,
            configuration: RunConfiguration(seed: seed, targetCount: graph.spec.count, batchSize: graph.spec.batch,
                                           maxCandidates: 4 * graph.spec.count))
        _ = try await run.run()
        try await store.export()
        await store.close()
        return directory
    }

    static func graph(policy: String, test: [(text: String, label: String)]?, count: Int, batch: Int) -> PipelineGraph {
        let schema = OutputSchema(fields: [
            SchemaField(name: "text", type: .string(minLength: 2, maxLength: 400)),
            SchemaField(name: "label", type: .enumeration(["ham", "spam"])),
        ])
        let spec = SpecNode(
            name: "sms_spam", domain: "Text messages a phone user receives, some of them spam", output: schema, outputName: "Sms",
            count: count, batch: batch, constraints: ["Plain SMS text, no markup", "Spam tries to sell or phish"], examples: [],
            labelField: "label", quotas: ["ham": 2, "spam": 1], budget: BudgetNode(), source: .synthesized)
        let parameters: [String: Double] = policy == "epsilon_greedy" ? ["epsilon": 0.5, "decay": 0.8, "min": 0.05] : [:]
        let evaluation = test.map { rows in
            EvaluationNode(
                textField: "text", labelField: "label", test: rows.map { .object(["text": .string($0.text), "label": .string($0.label)]) },
                testPath: "sms_spam_test.jsonl", train: [], every: 16, weight: 1, classifier: "nb", source: .synthesized)
        }
        return PipelineGraph(
            languageVersion: "0.1", script: ScriptIdentity(path: "sms.gen", sha256: "x"),
            models: [ModelNode(name: "local", provider: "openai", baseURL: "http://127.0.0.1:8080/v1", model: "smollm2", apiKeyEnv: nil,
                               maxConcurrency: 4, timeoutSeconds: 30, maxRetries: 2, source: .synthesized)],
            spec: spec,
            arms: ["faithful", "noisy", "repetitive"].map {
                ArmNode(name: $0, kind: "naive", model: "local", parameters: ["temperature": .double(0.7)], source: .synthesized)
            },
            router: RouterNode(policy: policy, parameters: parameters, source: .synthesized),
            quality: [.dedup(.exact, threshold: nil, source: .synthesized)],
            reward: IRExpr(.float(0), type: .float, source: .synthesized), evaluation: evaluation, constants: [:], functions: [])
    }

    static func smsRows() throws -> [(text: String, label: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try LabeledTextLoader.read(path: root.appendingPathComponent("examples/data/sms_spam_test.jsonl").path)
        return loaded.samples.map { ($0.text, $0.label) }
    }
}

/// Draws real texts for the wanted label; optionally flips labels, emits junk, or repeats a few texts.
struct TextArm: Arm {
    let name: String
    let rows: [(text: String, label: String)]
    let junkRate: Double
    let noisyLabels: Bool
    /// How many distinct texts the arm knows; nil for all of them.
    let variety: Int?

    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        slots.map { slot in
            var rng = SeededRandom(seed: slot.seed)
            if rng.nextUnit() < junkRate {
                return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: nil, rawText: "Sure! {\"text\": <cut>",
                                 failure: "unreadable output", promptTokens: 40, completionTokens: 6, latencySeconds: 0.2)
            }
            let wanted = slot.targetLabel ?? "ham"
            let pool = rows.filter { $0.label == wanted }
            let row = pool[rng.nextIndex(variety.map { min($0, pool.count) } ?? pool.count)]
            let label = noisyLabels && rng.nextUnit() < 0.5 ? (wanted == "ham" ? "spam" : "ham") : wanted
            return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel,
                             sample: .object(["text": .string(row.text), "label": .string(label)]), rawText: row.text, failure: nil,
                             promptTokens: 40, completionTokens: 20 + row.text.count / 4, latencySeconds: 0.5)
        }
    }
}

/// Exact-text dedup against the pool and the batch, a length score, and a fake Vendi figure for the pool.
actor DedupQuality: QualityAssessor {
    var pool: Set<String> = []

    func assess(_ candidates: [Candidate]) async throws -> [Assessment] {
        var seen = pool
        return candidates.map { candidate in
            guard let text = candidate.sample?["text"]?.stringValue else {
                return Assessment(passed: false, reasons: [candidate.failure ?? "no sample"],
                                  checks: [CheckRecord(stage: "parse", kind: "parse", passed: false)], quality: 0, novelty: 0)
            }
            let length = min(1, Double(text.count) / 120)
            let scored = CheckRecord(stage: "length", kind: "score", passed: true, score: length)
            if seen.contains(text) {
                return Assessment(passed: false, reasons: ["duplicate"],
                                  checks: [scored, CheckRecord(stage: "dedup", kind: "dedup", passed: false)], quality: length, novelty: 0,
                                  scores: ["length": length])
            }
            seen.insert(text)
            return Assessment(passed: true, reasons: [], checks: [scored, CheckRecord(stage: "dedup", kind: "dedup", passed: true)],
                              quality: length, novelty: 1, scores: ["length": length])
        }
    }

    func commit(accepted: [JSONValue]) async {
        for sample in accepted { if let text = sample["text"]?.stringValue { pool.insert(text) } }
    }

    func poolMetrics() async -> MetricValues { [.poolSize: Double(pool.count), .vendi: Double(pool.count).squareRoot()] }
}
