import Foundation
import Testing
import GenCore
import GenGeneration
import GenPipeline
import GenStore
@testable import GenRun

/// A server that echoes the Authorization header put the key in the summary's "top rejection" column, though
/// the store had it redacted: what the run prints is redacted the same way.
@Suite struct SecretInReasonsTests {
    struct EchoingArm: Arm {
        let name: String
        func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
            slots.map { Candidate(arm: name, slot: $0.slot, targetLabel: nil, sample: nil, rawText: "<html>Bearer sk-test-0123456789</html>",
                                  failure: "unreadable output: <html>Authorization: Bearer sk-test-0123456789</html>") }
        }
    }

    @Test func rejectionReasonsAreRedactedBeforeTheyArePrinted() async throws {
        var graph = RunFixtures.graph(count: 4, batch: 4)
        graph.arms = [ArmNode(name: "echo", kind: "fake", model: nil, parameters: [:], source: .synthesized)]
        let options = StoreOptions(redactor: SecretRedactor(secrets: ["OPENAI_API_KEY": "sk-test-0123456789"]))
        let store = try RunStore(
            creating: NewRun(scriptPath: "t.gen", scriptSHA256: "x", seed: 1, graph: .object([:]), targetCount: 4),
            in: RunFixtures.temporaryDirectory(), options: options)
        let run = AdaptiveRun(
            graph: graph, arms: ["echo": EchoingArm(name: "echo")], quality: FakeQuality(), reward: DefaultReward(), store: store,
            configuration: RunConfiguration(seed: 1, targetCount: 4, batchSize: 4, maxCandidates: 8))
        let outcome = try await run.run()
        let printed = ProgressText.summary(outcome.progress)
        #expect(!printed.contains("sk-test-0123456789"), "\(printed)")
        #expect(!outcome.progress.arms[0].rejections.keys.contains { $0.contains("sk-test-0123456789") })
        let reasons = try await store.candidates(batch: 0).flatMap(\.record.reasons)
        #expect(reasons.contains { $0.contains("Bearer [redacted OPENAI_API_KEY]") }, "\(reasons)")
    }
}
