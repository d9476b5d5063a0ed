import GenCore
import GenProviders
import GenRun
import GenRuntime
import Testing
@testable import GenChecks

@Suite struct JudgeCheckTests {
    static let domain = "The text fits the domain: customer messages to a bank's support chat"
    static let short = "The text follows this constraint: one or two sentences"
    static let cards = "The text follows this constraint: no real card numbers"
    static let label = "The label `lost_card` is correct for the text"

    func judge(_ answer: String, arguments: [Value] = [Fixtures.sampleValue, .list([])]) async throws -> (ModelCheckOutcome, FakeLLMClient) {
        let client = FakeLLMClient(chat: { _ in FakeLLMClient.answer(answer) })
        let outcome = try await Fixtures.checker(client).run(Fixtures.node("judge"), arguments: arguments, context: Fixtures.context())
        return (outcome, client)
    }

    @Test func rubricIsBuiltFromTheSpec() async throws {
        let (_, client) = try await judge("{}")
        let request = try #require(await client.chatRequests.first)
        let prompt = request.messages.map(\.content).joined(separator: "\n")
        for criterion in [Self.domain, Self.short, Self.cards, Self.label] { #expect(prompt.contains(criterion)) }
        #expect(prompt.contains("text: I lost my card yesterday."))
        // The structured-output schema requires exactly these criteria, each an integer 1-5.
        let schema = try #require(request.outputSchema)
        #expect(schema["required"] == .array([Self.domain, Self.short, Self.cards, Self.label].map(JSONValue.string)))
        #expect(schema["properties"]?[Self.label]?["enum"] == .array([1, 2, 3, 4, 5].map(JSONValue.int)))
        #expect(request.temperature == 0)
    }

    @Test func goodJSONGivesTheMeanMappedToUnitRange() async throws {
        let answer = #"{"\#(Self.domain)": 5, "\#(Self.short)": 4, "\#(Self.cards)": 3, "\#(Self.label)": 1}"#
        let (outcome, _) = try await judge(answer)
        #expect(abs(outcome.score - (1 + 0.75 + 0.5 + 0) / 4) < 1e-12)
        #expect(outcome.method == "judge, mean of 4 criteria (judge)")
        let scores = outcome.detail["criteria"]?.arrayValue?.compactMap { $0["score"]?.doubleValue }
        #expect(scores == [5, 4, 3, 1])
        #expect(outcome.tokens == 42)
    }

    @Test func listFormAndNumberedKeysAreRead() async throws {
        let answer = #"{"criteria": [{"criterion": "1", "score": 5}, {"criterion": "c2", "score": "3"}, {"criterion": "criterion 3", "score": 5}, {"criterion": "\#(Self.label.uppercased())", "score": 5}]}"#
        let (outcome, _) = try await judge(answer)
        #expect(abs(outcome.score - (1 + 0.5 + 1 + 1) / 4) < 1e-12)
    }

    @Test func missingCriterionCountsZeroWithANoteAndExtrasAreIgnored() async throws {
        let answer = #"{"\#(Self.domain)": 5, "\#(Self.short)": 5, "\#(Self.cards)": 5, "tone": 2}"#
        let (outcome, _) = try await judge(answer)
        #expect(abs(outcome.score - 0.75) < 1e-12)
        let entries = try #require(outcome.detail["criteria"]?.arrayValue)
        #expect(entries[3]["note"] == .string("missing: counted as 0"))
        #expect(entries[3]["score"] == .null)
        #expect(outcome.detail["notes"] == .array([.string("extra criterion ignored: tone")]))
    }

    @Test func outOfRangeScoresAreClampedWithANote() async throws {
        let answer = #"{"\#(Self.domain)": 9, "\#(Self.short)": 0, "\#(Self.cards)": 5, "\#(Self.label)": 5}"#
        let (outcome, _) = try await judge(answer)
        #expect(abs(outcome.score - 0.75) < 1e-12)
        #expect(outcome.detail["criteria"]?.arrayValue?.first?["note"] == .string("score 9.0 outside 1-5, clamped"))
    }

    @Test func junkIsAnErrorOutcomeWithItsReasonAndIsNotCached() async throws {
        let client = FakeLLMClient(chat: { _ in FakeLLMClient.answer("I think it is fine.") })
        let checker = Fixtures.checker(client)
        let context = Fixtures.context()
        let arguments: [Value] = [Fixtures.sampleValue, .none]
        let outcome = try await checker.run(Fixtures.node("judge"), arguments: arguments, context: context)
        #expect(outcome.score == 0)
        #expect(outcome.method.hasPrefix("judge answer unreadable: "))
        #expect(outcome.detail["error"]?.stringValue?.isEmpty == false)
        #expect(outcome.detail["answer"] == .string("I think it is fine."))
        _ = try await checker.run(Fixtures.node("judge"), arguments: arguments, context: context)
        #expect(await client.chatRequests.count == 2)
    }

    @Test func jsonWithNoKnownCriterionIsAnErrorOutcome() async throws {
        let (outcome, _) = try await judge(#"{"quality": "high"}"#)
        #expect(outcome.score == 0)
        #expect(outcome.method.contains("no criterion scored"))
    }

    @Test func scriptRubricReplacesOrExtendsTheSpecs() async throws {
        let (_, replaced) = try await judge("{}", arguments: [Fixtures.sampleValue, .list(["Polite", "Polite", "Specific"])])
        let replacedSchema = try #require(await replaced.chatRequests.first?.outputSchema)
        #expect(replacedSchema["required"] == .array(["Polite", "Specific"].map(JSONValue.string)))

        let (_, extended) = try await judge("{}", arguments: [Fixtures.sampleValue, .list(["Polite"]), .bool(true)])
        let extendedSchema = try #require(await extended.chatRequests.first?.outputSchema)
        #expect(extendedSchema["required"]?.arrayValue?.count == 5)
    }

    @Test func badRubricIsAClearError() async {
        await #expect(throws: ModelCheckError.self) {
            _ = try await judge("{}", arguments: [Fixtures.sampleValue, .list([.int(3)])])
        }
        await #expect(throws: ModelCheckError.self) {
            _ = try await judge("{}", arguments: [Fixtures.sampleValue, .string("Polite")])
        }
    }

    @Test func plainTextSampleTakesTheLabelFromTheCheckedSample() async throws {
        let (_, client) = try await judge("{}", arguments: [.string("Where is my card?")])
        let prompt = try #require(await client.chatRequests.first?.messages.last?.content)
        #expect(prompt.contains(Self.label))
        #expect(prompt.contains("Sample:\nWhere is my card?"))
    }
}
