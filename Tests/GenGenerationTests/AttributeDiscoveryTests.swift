import Testing
import GenCore
import GenPipeline
import GenProviders
@testable import GenGeneration

/// `discover(...)` attribute dimensions: the model proposes values once per label (issue 13, item 2).
@Suite struct AttributeDiscoveryTests {
    let request = AttributeDiscovery.Request(arm: "varied", dimension: "subtopic", description: "the subject", count: 3, label: "sports")

    func discover(_ replies: [Result<String, LLMError>], count: Int = 3) async throws -> (AttributeDiscovery.Outcome, FakeLLMClient) {
        let client = FakeLLMClient(replies: replies)
        var asked = request
        asked.count = count
        let outcome = try await AttributeDiscovery.discover(asked, client: client, model: "m", domain: "News", temperature: 0.7)
        return (outcome, client)
    }

    @Test func anArrayIsParsedTrimmedAndDeduplicatedInOneCall() async throws {
        let (outcome, client) = try await discover([.success(#"Here: ["tennis", " Golf ", "golf", "", "TENNIS", "rugby"]"#)])
        #expect(outcome.values == ["tennis", "Golf", "rugby"])
        #expect(outcome.calls == 1 && outcome.tokens == 15)
        let prompt = client.requests.first?.messages.last?.content ?? ""
        #expect(prompt.contains("subtopic") && prompt.contains("the subject") && prompt.contains("sports") && prompt.contains("News"))
        #expect(client.requests.first?.outputSchema?["type"]?.stringValue == "array")
    }

    @Test func overlongValuesAreDroppedAndABulletedListIsRead() {
        let long = String(repeating: "x", count: AttributeDiscovery.maxValueLength + 1)
        #expect(AttributeDiscovery.values(in: "[\"\(long)\", \"ok\"]") == ["ok"])
        #expect(AttributeDiscovery.values(in: "Sure, here they are:\n1. tennis\n- golf\n* rugby") == ["tennis", "golf", "rugby"])
        #expect(AttributeDiscovery.values(in: #"{"values": ["a", "b"]}"#) == ["a", "b"])
    }

    @Test func badOrShortAnswersAreAskedAgainUpToTheLimit() async throws {
        let (outcome, client) = try await discover([
            .success("I cannot do that."), .failure(.timeout(url: "fake", seconds: 1, attempts: 1)), .success(#"["tennis", "golf"]"#),
        ])
        #expect(outcome.values == ["tennis", "golf"])
        #expect(outcome.calls == AttributeDiscovery.maxAttempts && client.requests.count == 3)
        #expect(outcome.tokens == 30, "the unreadable answer's tokens count too; the failed call had none")
        let (merged, _) = try await discover([.success(#"["tennis"]"#), .success(#"["Tennis", "golf", "rugby"]"#)])
        #expect(merged.values == ["tennis", "golf", "rugby"] && merged.calls == 2)
    }

    @Test func noValuesIsAClearErrorNamingTheArmDimensionAndLabel() async throws {
        do {
            _ = try await discover([.success("no"), .success("[]"), .success("{}")])
            Issue.record("expected an error")
        } catch let error as AttributeDiscoveryError {
            let text = "\(error)"
            #expect(text.contains("arm `varied`") && text.contains("`subtopic`") && text.contains("label \"sports\""), "\(text)")
            #expect(error.calls == AttributeDiscovery.maxAttempts)
        }
    }

    @Test func anArmAsksPerLabelAndDrawsTheFilledValues() async throws {
        let attributes: JSONValue = .object([
            "subtopic": .object([AttributeSource.kindKey: .string("discover"), "n": .int(2)]), "tone": .array([.string("dry")]),
        ])
        let node = ArmNode(name: "varied", kind: "naive", model: "local", parameters: ["attributes": attributes], source: .synthesized)
        let client = FakeLLMClient(replies: [])
        let arm = try #require(try ArmRegistry.standard.makeArm(node, environment: ArmEnvironment(clients: ["local": client], modelNames: ["local": "m"])) as? any DiscoveringArm)
        let requests = arm.discoveryRequests(labels: ["world", "sports"])
        #expect(requests.map(\.label) == ["world", "sports"] && requests.allSatisfy { $0.description == "subtopic" && $0.count == 2 })
        #expect(arm.discoveryRequests(labels: []).map(\.label) == [nil])
        let filled = arm.filled([(requests[0], ["trade"]), (requests[1], ["golf"])])
        let context = GenerationContext(
            domain: "News", constraints: [], schema: OutputSchema(fields: [SchemaField(name: "text", type: .string())]),
            schemaName: "News", labelField: "label", seedExamples: [], accepted: [])
        let candidates = try await filled.generate([SlotRequest(slot: 0, targetLabel: "sports", seed: 1)], context: context)
        #expect(candidates.first?.parameters["attributes"]?["subtopic"]?.stringValue == "golf")
    }
}
