import Testing
import GenCore
import GenPipeline
import GenProviders
@testable import GenGeneration

/// Attributes, an arm's own instruction and system text (issue 13: arms that differ only in temperature).
@Suite struct AttributePromptTests {
    let context = GenerationContext(
        domain: "News", constraints: [], schema: OutputSchema(fields: [
            SchemaField(name: "text", type: .string()), SchemaField(name: "label", type: .enumeration(["world", "sports"])),
        ]), schemaName: "News", labelField: "label", seedExamples: [], accepted: [])

    let attributes: JSONValue = .object([
        "style": .array([.string("wire"), .string("opinion")]),
        "subtopic": .object(["sports": .array([.string("tennis")]), "world": .array([.string("trade"), .string("elections")])]),
    ])

    func arm(_ client: FakeLLMClient, _ parameters: [String: JSONValue]) throws -> any Arm {
        let node = ArmNode(name: "varied", kind: "naive", model: "local", parameters: parameters, source: .synthesized)
        return try ArmRegistry.standard.makeArm(node, environment: ArmEnvironment(clients: ["local": client], modelNames: ["local": "m"]))
    }

    @Test func eachSlotDrawsOneValuePerDimensionForItsLabelAndRecordsThem() async throws {
        let client = FakeLLMClient(replies: [])
        let slots = (0..<12).map { SlotRequest(slot: $0, targetLabel: $0 % 2 == 0 ? "sports" : "world", seed: UInt64(100 + $0)) }
        let candidates = try await arm(client, ["attributes": attributes, "instruction": .string("Write a {style} {label} story about {subtopic}.")])
            .generate(slots, context: context)
        for (candidate, request) in zip(candidates, client.requests.sorted { ($0.seed ?? 0) < ($1.seed ?? 0) }) {
            let drawn = try #require(candidate.parameters["attributes"]?.objectValue)
            let style = try #require(drawn["style"]?.stringValue)
            let subtopic = try #require(drawn["subtopic"]?.stringValue)
            #expect(["wire", "opinion"].contains(style))
            #expect(candidate.targetLabel == "sports" ? subtopic == "tennis" : ["trade", "elections"].contains(subtopic))
            let user = request.messages.last?.content ?? ""
            #expect(user.contains("- style: \(style)") && user.contains("- subtopic: \(subtopic)"), "\(user)")
            #expect(user.hasSuffix("Write a \(style) \(candidate.targetLabel ?? "") story about \(subtopic)."), "\(user)")
        }
        // Both styles are drawn over twelve slots: the draw varies by slot.
        #expect(Set(candidates.compactMap { $0.parameters["attributes"]?["style"]?.stringValue }).count == 2)
    }

    @Test func theSameSeedDrawsTheSameAttributes() {
        let space = AttributeSpace(attributes)
        var first = SeededRandom(seed: 9), second = SeededRandom(seed: 9)
        #expect(space.draw(label: "world", rng: &first).map(\.value) == space.draw(label: "world", rng: &second).map(\.value))
        var rng = SeededRandom(seed: 9)
        #expect(space.draw(label: nil, rng: &rng).map(\.name) == ["style"])  // no label: per-label dimensions are left out
    }

    @Test func aSystemTextReplacesTheBuiltInOne() async throws {
        let client = FakeLLMClient(replies: [])
        _ = try await arm(client, ["system": .string("You are a {label} desk editor. JSON only.")])
            .generate([SlotRequest(slot: 0, targetLabel: "world", seed: 1)], context: context)
        #expect(client.requests.first?.messages.first?.content == "You are a world desk editor. JSON only.")
    }

    @Test func declarationProblemsAreFoundBeforeTheRun() {
        let bad: JSONValue = .object(["tone": .array([]), "subtopic": .object(["other": .array([.string("x")])]), "n": .int(3)])
        let prompting = ArmPrompting(attributes: AttributeSpace(bad), instruction: PromptText("About {topic} {subtopic"))
        let problems = prompting.problems(labels: ["world", "sports"])
        #expect(problems.contains("attribute `tone` needs a non-empty list of strings"))
        #expect(problems.contains("attribute `n` must be a list of strings or a record of lists per label"))
        #expect(problems.contains("attribute `subtopic`: \"other\" is not a label"))
        #expect(problems.contains { $0.hasPrefix("`instruction` uses {topic}, which is not known here") })
        #expect(problems.contains("`instruction` has an unbalanced brace; write {{ or }} for a literal one"))
    }

    @Test func promptTextFillsPlaceholdersAndKeepsEscapedBraces() {
        let text = PromptText("A {label} sample as JSON {{\"text\": ...}} about { topic }.")
        #expect(text.placeholders == ["label", "topic"])
        #expect(text.render(["label": "spam", "topic": "prizes"]) == "A spam sample as JSON {\"text\": ...} about prizes.")
        #expect(text.problems(known: ["label", "topic"], parameter: "instruction").isEmpty)
    }
}
