import Testing
import GenCore
import GenPipeline
import GenProviders
@testable import GenGeneration

/// `evolve` (issue 13, item 5): change an accepted sample or a seed along a mutation; contrastive pairs.
@Suite struct EvolveArmTests {
    let accepted: [JSONValue] = [
        .object(["text": .string("see you at the pub at 8"), "label": .string("ham")]),
        .object(["text": .string("WIN a cruise, reply YES"), "label": .string("spam")]),
    ]

    func context(accepted: [JSONValue], seeds: [JSONValue] = []) -> GenerationContext {
        GenerationContext(
            domain: "SMS", constraints: [], schema: OutputSchema(fields: [
                SchemaField(name: "text", type: .string()), SchemaField(name: "label", type: .enumeration(["ham", "spam"])),
            ]), schemaName: "Sms", labelField: "label", seedExamples: seeds, accepted: accepted)
    }

    func arm(_ client: FakeLLMClient, _ parameters: [String: JSONValue]) throws -> any Arm {
        let node = ArmNode(name: "evolved", kind: "evolve", model: "local", parameters: parameters, source: .synthesized)
        return try ArmRegistry.standard.makeArm(node, environment: ArmEnvironment(clients: ["local": client], modelNames: ["local": "m"]))
    }

    @Test func aSameLabelMutationShowsASampleOfTheSlotsLabelAndRecordsIt() async throws {
        let client = FakeLLMClient(replies: [.success(#"{"text": "pub at 9 instead?", "label": "ham"}"#)])
        let candidates = try await arm(client, ["mutation": .string("make it harder to classify")])
            .generate([SlotRequest(slot: 0, targetLabel: "ham", seed: 3)], context: context(accepted: accepted))
        let user = client.requests.first?.messages.last?.content ?? ""
        #expect(user.contains("Here is an existing sample:\n{\"label\":\"ham\",\"text\":\"see you at the pub at 8\"}"), "\(user)")
        #expect(user.contains("Rewrite it: make it harder to classify. Its label stays \"ham\"."))
        #expect(candidates.first?.parameters["evolved_from"]?.stringValue?.contains("pub at 8") == true)
        #expect(candidates.first?.sample?["text"] == .string("pub at 9 instead?"))
    }

    @Test func contrastiveEditsStartFromAnotherLabel() async throws {
        let client = FakeLLMClient(replies: [])
        _ = try await arm(client, ["label": .string("other")])
            .generate([SlotRequest(slot: 0, targetLabel: "spam", seed: 3)], context: context(accepted: accepted))
        let user = client.requests.first?.messages.last?.content ?? ""
        #expect(user.contains("\"see you at the pub at 8\""), "the source is the ham sample: \(user)")
        #expect(user.contains("Change it as little as possible so that its label becomes \"spam\""))
    }

    @Test func withNothingToChangeItWritesFromScratchAndSeedsAreUsedFirst() async throws {
        let empty = FakeLLMClient(replies: [])
        _ = try await arm(empty, [:]).generate([SlotRequest(slot: 0, targetLabel: "ham", seed: 1)], context: context(accepted: []))
        #expect(empty.requests.first?.messages.last?.content.hasSuffix("Write one new sample whose label is \"ham\".") == true)
        let seeded = FakeLLMClient(replies: [])
        let seed: JSONValue = .object(["text": .string("mum says hi"), "label": .string("ham")])
        _ = try await arm(seeded, ["from": .string("seeds")])
            .generate([SlotRequest(slot: 0, targetLabel: "ham", seed: 1)], context: context(accepted: accepted, seeds: [seed]))
        #expect(seeded.requests.first?.messages.last?.content.contains("\"mum says hi\"") == true)
    }

    @Test func badSettingsAreCheckErrors() {
        #expect(Evolution.problems(source: "pool", label: "flip") == [
            "`from` is \"pool\"; it must be one of \"accepted\", \"seeds\"",
            "`label` is \"flip\"; it must be one of \"same\", \"other\"",
        ])
    }
}
