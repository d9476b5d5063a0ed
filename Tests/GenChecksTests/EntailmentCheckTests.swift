import Foundation
import GenCore
import GenProviders
import GenRun
import Testing
@testable import GenChecks

@Suite struct EntailmentCheckTests {
    func run(_ client: FakeLLMClient, premise: String = "I lost my card.", hypothesis: String = "The customer lost a card.") async throws
        -> ModelCheckOutcome
    {
        try await Fixtures.checker(client).run(
            Fixtures.node("entails"), arguments: [.string(premise), .string(hypothesis)], context: Fixtures.context())
    }

    @Test func probabilitySumsEverySpellingOfYesAndNo() async throws {
        let alternatives: [(String, Double)] = [
            ("The", -0.2), (" Yes", -0.9), ("No", -1.1), ("yes", -2.0), ("YES", -3.0), (" no", -2.5), ("Y", -3.5), ("Not", -4),
        ]
        let client = FakeLLMClient(chat: { _ in FakeLLMClient.answer("The", alternatives: alternatives) })
        let probe = try await run(client)
        let yes = exp(-0.9) + exp(-2.0) + exp(-3.0)
        let no = exp(-1.1) + exp(-2.5)
        #expect(abs(probe.score - yes / (yes + no)) < 1e-12)
        #expect(probe.method == "P(yes) from logprobs (judge)")
        #expect(abs((probe.detail["answer_mass"]?.doubleValue ?? 0) - (yes + no)) < 1e-12)
        #expect(probe.tokens == 42)
    }

    @Test func asksForOneTokenWithTopLogprobs() async throws {
        let client = FakeLLMClient(chat: { _ in FakeLLMClient.answer("Yes", alternatives: [("Yes", -0.1), ("No", -2.4)]) })
        _ = try await run(client, premise: "It rains.", hypothesis: "It is wet.")
        let request = try #require(await client.chatRequests.first)
        #expect(request.maxTokens == 1)
        #expect(request.topLogprobs == 10)
        #expect(request.temperature == 0)
        let last = try #require(request.messages.last?.content)
        #expect(last.contains("Text: It rains.") && last.contains("Statement: It is wet."))
    }

    @Test func withoutLogprobsTheTextAnswerScoresOneOrZero() async throws {
        let yes = try await run(FakeLLMClient(chat: { _ in FakeLLMClient.answer("Yes") }))
        let no = try await run(FakeLLMClient(chat: { _ in FakeLLMClient.answer(" no.") }))
        #expect(yes.score == 1)
        #expect(no.score == 0)
        #expect(yes.method == "yes/no text (server returned no logprobs; judge)")
    }

    @Test func noAnswerAtAllScoresZeroAndSaysSo() async throws {
        let maybe = try await run(FakeLLMClient(chat: { _ in FakeLLMClient.answer("Maybe") }))
        #expect(maybe.score == 0)
        #expect(maybe.method.hasPrefix("no yes/no answer (server returned no logprobs"))
    }

    @Test func logprobsWithoutYesOrNoFallBackToTheText() async throws {
        let client = FakeLLMClient(chat: { _ in FakeLLMClient.answer("Yes", alternatives: [("The", -0.1), ("A", -2)]) })
        let probe = try await run(client)
        #expect(probe.score == 1)
        #expect(probe.method.contains("no Yes/No among the top 2 logprobs"))
    }

    @Test func tokenVariantsAreRecognised() {
        for token in ["Yes", " Yes", "yes", "YES", "Yes.", "\nyes"] { #expect(YesNoProbability.answer(token) == true) }
        for token in ["No", " no", "NO", "No,"] { #expect(YesNoProbability.answer(token) == false) }
        for token in ["Y", "Not", "Nope", "The", ""] { #expect(YesNoProbability.answer(token) == nil) }
    }
}
