import Testing
import GenCore
import GenPipeline
import GenProviders
@testable import GenGeneration

/// `per_call: n` (issue 13): n samples per request as a JSON array, each its own candidate.
@Suite struct PerCallTests {
    let context = GenerationContext(
        domain: "SMS", constraints: [], schema: OutputSchema(fields: [
            SchemaField(name: "text", type: .string()), SchemaField(name: "label", type: .enumeration(["ham", "spam"])),
        ]), schemaName: "Sms", labelField: "label", seedExamples: [], accepted: [])

    func arm(_ client: FakeLLMClient, perCall: Int) throws -> any Arm {
        let node = ArmNode(name: "batched", kind: "naive", model: "local", parameters: ["per_call": .int(perCall)], source: .synthesized)
        return try ArmRegistry.standard.makeArm(node, environment: ArmEnvironment(clients: ["local": client], modelNames: ["local": "m"]))
    }

    let slots = (0..<5).map { SlotRequest(slot: $0, targetLabel: $0 % 2 == 0 ? "ham" : "spam", seed: UInt64(10 + $0)) }

    @Test func fiveSlotsAtThreePerCallAreTwoRequestsWithEverySampleItsOwnCandidate() async throws {
        // The two calls go out concurrently: each is answered by how many samples it asks for, not by arrival.
        let client = FakeLLMClient { request in
            request.outputSchema?["minItems"] == .int(3)
                ? .success(#"[{"text": "hi mum", "label": "ham"}, {"text": "WIN NOW", "label": "spam"}, {"text": "at 5?", "label": "ham"}]"#)
                : .success(#"```json\n[{"text": "FREE prize", "label": "spam"}]\n```"#)
        }
        let candidates = try await arm(client, perCall: 3).generate(slots, context: context)
        #expect(client.requests.count == 2)
        #expect(candidates.map(\.slot) == [0, 1, 2, 3, 4])
        #expect(candidates.prefix(4).allSatisfy { $0.sample != nil })
        // The second call asked for two and got one: the missing slot is a rejection that says so.
        let missing = try #require(candidates.last)
        #expect(missing.sample == nil && missing.failure == "unreadable output: the model wrote 1 of the 2 samples asked for")
        // Each call's 10 prompt and 5 completion tokens are shared out: 4+2, 3+2, 3+1 and 5+3, 5+2.
        #expect(candidates.map(\.tokens) == [6, 5, 4, 8, 7])
        let first = try #require(client.requests.first { $0.outputSchema?["minItems"] == .int(3) })
        #expect(first.outputSchema?["type"] == .string("array") && first.outputSchema?["minItems"] == .int(3))
        #expect(first.messages.first?.content == PromptBuilder.groupSystemPrompt)
        let user = first.messages.last?.content ?? ""
        #expect(user.contains("Write 3 new samples as a JSON array of 3 objects, in this order:\n1. a sample whose label is \"ham\"\n2. a sample whose label is \"spam\"\n3. a sample whose label is \"ham\""), "\(user)")
    }

    @Test func anUnreadableArrayRejectsEverySlotOfItsCallWithTheReason() async throws {
        let client = FakeLLMClient(replies: [.success("[{\"text\": \"cut"), .success("[]")])
        let candidates = try await arm(client, perCall: 3).generate(slots, context: context)
        #expect(candidates.prefix(3).allSatisfy { $0.failure?.hasPrefix("unreadable output: ") == true })
        #expect(candidates.allSatisfy { $0.sample == nil })
    }

    @Test func tokensAreSharedOutWithoutLosingAny() {
        #expect(LLMArm.share(10, among: 3) == [4, 3, 3])
        #expect(LLMArm.share(2, among: 4) == [1, 1, 0, 0])
        #expect(LLMArm.share(7, among: 1) == [7])
    }
}
