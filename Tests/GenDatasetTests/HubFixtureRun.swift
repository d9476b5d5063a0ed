import Foundation
import GenCore
import GenGeneration
import GenPipeline
import GenRun
import GenStore

/// A small finished run (no LLM) whose schema has every kind of field the Parquet writer handles: a string, the
/// enum label (imbalanced 3:1), an int that is sometimes absent, a float, a bool, a list of strings (sometimes
/// empty), an object with an optional member, and a list of objects holding a list (two repetition levels).
/// Made once per test process.
enum HubFixtureRun {
    static let shared = Task { try await make(count: 40) }

    static let schema = OutputSchema(fields: [
        SchemaField(name: "text", type: .string()),
        SchemaField(name: "label", type: .enumeration(["ham", "spam"])),
        SchemaField(name: "words", isOptional: true, type: .int()),
        SchemaField(name: "score", type: .float()),
        SchemaField(name: "urgent", type: .bool),
        SchemaField(name: "tags", type: .list(element: .string())),
        SchemaField(name: "meta", type: .object([
            SchemaField(name: "source", type: .string()), SchemaField(name: "lang", isOptional: true, type: .string()),
        ])),
        SchemaField(name: "spans", type: .list(element: .object([
            SchemaField(name: "start", type: .int()), SchemaField(name: "marks", type: .list(element: .string())),
        ]))),
    ])

    static func make(count: Int) async throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-hub-\(UUID().uuidString)")
        let graph = graph(count: count)
        let json = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(graph))
        let store = try RunStore(
            creating: NewRun(scriptPath: "sms.gen", scriptSHA256: String(repeating: "cd", count: 32), seed: 11, graph: json,
                             targetCount: count),
            in: directory)
        let run = AdaptiveRun(
            graph: graph, arms: ["fake": FieldsArm()], quality: AcceptEverything(), reward: DefaultReward(), store: store,
            configuration: RunConfiguration(seed: 11, targetCount: count, batchSize: 8, maxCandidates: 4 * count))
        _ = try await run.run()
        try await store.export()
        await store.close()
        return directory
    }

    static func graph(count: Int) -> PipelineGraph {
        let spec = SpecNode(
            name: "sms_fields", domain: "Text messages", output: schema, outputName: "Sms", count: count, batch: 8, constraints: [],
            examples: [.object(["text": .string("seed"), "label": .string("ham")])], labelField: "label", quotas: ["ham": 3, "spam": 1],
            budget: BudgetNode(), source: .synthesized)
        var model = ModelNode(name: "local", provider: "openai", baseURL: "http://127.0.0.1:8080/v1", model: "smollm2", apiKeyEnv: nil,
                              maxConcurrency: 4, timeoutSeconds: 30, maxRetries: 2, source: .synthesized)
        model.license = "apache-2.0"
        return PipelineGraph(
            languageVersion: "0.1", script: ScriptIdentity(path: "sms.gen", sha256: "x"),
            models: [model],
            spec: spec,
            arms: [ArmNode(name: "fake", kind: "naive", model: "local", parameters: [:], source: .synthesized)],
            router: RouterNode(policy: "random", parameters: [:], source: .synthesized), quality: [],
            reward: IRExpr(.float(0), type: .float, source: .synthesized), evaluation: nil, constants: [:], functions: [])
    }
}

/// Writes a sample with every field kind for the slot's label; which optional parts are absent follows the seed.
struct FieldsArm: Arm {
    let name = "fake"

    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        slots.map { slot in
            var rng = SeededRandom(seed: slot.seed)
            let label = slot.targetLabel ?? "ham"
            let number = rng.nextIndex(1000)
            var sample: [String: JSONValue] = [
                "text": .string("message \(number), \"quoted\", ünïcode \(slot.seed % 97)"), "label": .string(label),
                "score": .double(Double(number) / 1000), "urgent": .bool(number % 2 == 0),
                "tags": .array((0..<(number % 3)).map { .string("t\($0)") }),
                "meta": .object(number % 4 == 0 ? ["source": .string("fake")] : ["source": .string("fake"), "lang": .string("en")]),
            ]
            if number % 5 != 0 { sample["words"] = .int(number % 40) }
            sample["spans"] = .array((0..<(number % 3)).map { index in
                .object(["start": .int(index * 10), "marks": .array((0..<((number + index) % 3)).map { .string("m\($0)") })])
            })
            return Candidate(arm: "fake", slot: slot.slot, targetLabel: slot.targetLabel, sample: .object(sample), rawText: "{}", failure: nil,
                             promptTokens: 10, completionTokens: 10, latencySeconds: 0.1)
        }
    }
}

/// Every readable candidate passes: the fixture is about the export, not quality.
struct AcceptEverything: QualityAssessor {
    func assess(_ candidates: [Candidate]) async throws -> [Assessment] {
        candidates.map { Assessment(passed: $0.sample != nil, reasons: $0.sample == nil ? ["unreadable"] : []) }
    }

    func commit(accepted: [JSONValue]) async {}

    func poolMetrics() async -> MetricValues { [:] }
}
