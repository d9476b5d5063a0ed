import Testing
import GenCore
import GenPipeline
import GenProviders
@testable import GenGeneration

@Suite struct ArmTests {
    let schema = OutputSchema(fields: [
        SchemaField(name: "text", type: .string(minLength: 5, maxLength: 100)),
        SchemaField(name: "label", type: .enumeration(["ham", "spam"])),
    ])

    func context(accepted: [JSONValue] = []) -> GenerationContext {
        GenerationContext(
            domain: "SMS messages", constraints: ["short"], schema: schema, schemaName: "Sms", labelField: "label",
            seedExamples: [.object(["text": .string("see you at 5"), "label": .string("ham")])], accepted: accepted)
    }

    func arm(_ kind: String, client: FakeLLMClient, parameters: [String: JSONValue] = [:]) throws -> any Arm {
        let node = ArmNode(name: "a1", kind: kind, model: "local", parameters: parameters, source: .synthesized)
        return try ArmRegistry.standard.makeArm(
            node, environment: ArmEnvironment(clients: ["local": client], modelNames: ["local": "smollm2"]))
    }

    @Test func naiveParsesGoodOutputAndRejectsBadOutputWithAReason() async throws {
        let client = FakeLLMClient(replies: [
            .success(#"{"text": "WIN a prize now", "label": "spam"}"#),
            .success("Sure! Here is one: {\"text\": \"cut off"),
        ])
        let slots = [SlotRequest(slot: 0, targetLabel: "spam", seed: 1), SlotRequest(slot: 1, targetLabel: "ham", seed: 2)]
        let candidates = try await arm("naive", client: client, parameters: ["temperature": .double(0.3)])
            .generate(slots, context: context())
        #expect(candidates.map(\.slot) == [0, 1])
        let good = candidates.first { $0.sample != nil }
        let bad = candidates.first { $0.sample == nil }
        #expect(good?.sample?["label"] == .string("spam"))
        #expect(good?.tokens == 15)
        #expect(bad?.failure?.hasPrefix("unreadable output:") == true)
        #expect(bad?.rawText.contains("cut off") == true)
        #expect(client.requests.allSatisfy { $0.temperature == 0.3 && $0.model == "smollm2" && $0.outputSchema != nil })
        #expect(client.requests.contains { $0.messages.last?.content.contains("whose label is \"spam\"") == true })
    }

    @Test func runStoppingErrorsPropagateAndOthersBecomeRejections() async throws {
        let down = FakeLLMClient(replies: [.failure(.unreachable(url: "http://x/v1", reason: "refused", hint: "start it"))])
        await #expect(throws: LLMError.self) {
            _ = try await arm("naive", client: down).generate([SlotRequest(slot: 0, targetLabel: nil, seed: 1)], context: context())
        }
        let flaky = FakeLLMClient(replies: [.failure(.serverError(url: "http://x/v1", status: 500, serverMessage: "boom", attempts: 3))])
        let candidates = try await arm("naive", client: flaky).generate([SlotRequest(slot: 0, targetLabel: nil, seed: 1)], context: context())
        #expect(candidates.first?.failure?.hasPrefix("generation failed:") == true)
    }

    @Test func fewshotDrawsKAcceptedExamplesReproducibly() async throws {
        let accepted: [JSONValue] = (0..<10).map { .object(["text": .string("accepted number \($0)"), "label": .string("ham")]) }
        let first = FakeLLMClient(replies: [])
        let second = FakeLLMClient(replies: [])
        let slot = [SlotRequest(slot: 0, targetLabel: "ham", seed: 42)]
        _ = try await arm("fewshot", client: first, parameters: ["k": .int(2)]).generate(slot, context: context(accepted: accepted))
        _ = try await arm("fewshot", client: second, parameters: ["k": .int(2)]).generate(slot, context: context(accepted: accepted))
        let prompt = try #require(first.requests.first?.messages.last?.content)
        #expect(prompt.components(separatedBy: "accepted number").count - 1 == 2)
        #expect(!prompt.contains("see you at 5"))
        #expect(prompt == second.requests.first?.messages.last?.content)
    }

    @Test func fewshotKeepsDeclaredSeedsInTheMixOnceSamplesAreAccepted() async throws {
        // Issue 13: "the mix of real seeds and accepted samples declared"; without `seeds`, the seed vanished.
        let accepted: [JSONValue] = (0..<10).map { .object(["text": .string("accepted number \($0)"), "label": .string("ham")]) }
        let client = FakeLLMClient(replies: [])
        _ = try await arm("fewshot", client: client, parameters: ["k": .int(2), "seeds": .int(1)])
            .generate([SlotRequest(slot: 0, targetLabel: "ham", seed: 42)], context: context(accepted: accepted))
        let prompt = try #require(client.requests.first?.messages.last?.content)
        #expect(prompt.components(separatedBy: "accepted number").count - 1 == 2)
        #expect(prompt.contains("see you at 5"))
    }

    @Test func templateArmFillsLabelAndTextFromByLabel() async throws {
        let node = ArmNode(name: "t", kind: "template", model: nil, parameters: [
            "slots": .object(["prize": .array([.string("a car"), .string("cash")])]),
            "by_label": .object([
                "spam": .array([.string("You won {prize}! Reply now")]),
                "ham": .array([.string("{see you|call me} later")]),
            ]),
        ], source: .synthesized)
        let template = try ArmRegistry.standard.makeArm(node, environment: ArmEnvironment(clients: [:], modelNames: [:]))
        let candidates = try await template.generate(
            [SlotRequest(slot: 0, targetLabel: "spam", seed: 1), SlotRequest(slot: 1, targetLabel: "ham", seed: 2)], context: context())
        #expect(candidates[0].sample?["label"] == .string("spam"))
        #expect(candidates[0].sample?["text"]?.stringValue?.hasPrefix("You won ") == true)
        #expect(candidates[1].sample?["label"] == .string("ham"))
        #expect(candidates[1].sample?["text"]?.stringValue?.hasSuffix(" later") == true)
    }

    @Test func templateProblemsAndUnknownKindsAreReported() {
        let bad = ArmNode(name: "t", kind: "template", model: nil, parameters: [
            "fields": .object(["text": .array([.string("my {crd}")])]),
        ], source: .synthesized)
        #expect(throws: ArmError.badTemplate(arm: "t", problems: ["unknown slot `crd` in pattern \"my {crd}\""])) {
            _ = try ArmRegistry.standard.makeArm(bad, environment: ArmEnvironment(clients: [:], modelNames: [:]))
        }
        let typo = ArmNode(name: "x", kind: "naiv", model: "local", parameters: [:], source: .synthesized)
        #expect(throws: ArmError.unknownKind("naiv", suggestion: "naive")) {
            _ = try ArmRegistry.standard.makeArm(typo, environment: ArmEnvironment(clients: [:], modelNames: [:]))
        }
    }

    @Test func templateConvertsNumbersForTypedFields() {
        #expect(TemplateArm.convert("29.99", to: .float()) == .double(29.99))
        #expect(TemplateArm.convert("12", to: .int()) == .int(12))
        #expect(TemplateArm.convert("many", to: .int()) == .string("many"))
    }

    /// "unreadable output: " before a reason of 300 characters made 320, and 347 with the max_tokens note; the whole
    /// reason now fits `RejectionReason.maxLength` and the note survives the cut.
    @Test func anUnreadableOutputsReasonFitsTheCapAndKeepsTheMaxTokensNote() async throws {
        struct CutOffClient: LLMClient {
            func chat(_ request: ChatRequest) async throws -> ChatResponse {
                ChatResponse(text: String(repeating: "[", count: 5_000), finishReason: .length, usage: TokenUsage(promptTokens: 1, completionTokens: 1))
            }
            func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse { throw LLMError.malformedResponse(url: "x", reason: "none") }
        }
        let arm = LLMArm(name: "a", client: CutOffClient(), model: "m", temperature: nil, topP: nil, maxTokens: 10, examples: .seeds, recordedParameters: [:])
        let failure = try #require(try await arm.generate([SlotRequest(slot: 0, targetLabel: nil, seed: 1)], context: context()).first?.failure)
        #expect(failure == "unreadable output: truncated JSON: missing `]]]]]]]]]]]]]]]]]]]]…` (5000 in all) (the model hit max_tokens)")
        let long = RejectionReason.capped(String(repeating: "x", count: 1_000), suffix: " (the model hit max_tokens)")
        #expect(long.count == RejectionReason.maxLength && long.hasSuffix("x… (the model hit max_tokens)"))
    }
}
