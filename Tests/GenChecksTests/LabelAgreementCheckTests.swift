import Foundation
import GenCore
import GenProviders
import GenRun
import Testing
@testable import GenChecks

/// `label_fits` (issue 13): the model's probability for the claimed label among all labels, calibrated by its
/// answers on content-free texts (Calibrate Before Use).
@Suite struct LabelAgreementCheckTests {
    func run(_ client: FakeLLMClient, label: String = "lost_card") async throws -> ModelCheckOutcome {
        try await Fixtures.checker(client).run(
            Fixtures.node("label_fits"), arguments: [.string("I lost my card yesterday."), .string(label)], context: Fixtures.context())
    }

    /// A model biased towards "A": content-free texts get A 0.8, B 0.2; the real text gets A 0.6, B 0.4.
    func biasedClient() -> FakeLLMClient {
        FakeLLMClient(chat: { request in
            let question = request.messages.last?.content ?? ""
            let contentFree = LabelAgreementPrompt.contentFree.contains { question.hasSuffix("Text: \($0)\nWhich category fits the text best?") }
            let (a, b) = contentFree ? (0.8, 0.2) : (0.6, 0.4)
            return FakeLLMClient.answer("A", alternatives: [(" A", log(a * 0.9)), ("A)", log(a * 0.1)), ("B", log(b)), ("The", log(0.05))])
        })
    }

    @Test func calibrationRemovesTheModelsLetterBias() async throws {
        // Raw P(A) = 0.6 looks like agreement; divided by the content-free 0.8 (and B by 0.2) it is 0.75 vs 2: B wins.
        let lostCard = try await run(biasedClient(), label: "lost_card")
        let balance = try await run(biasedClient(), label: "check_balance")
        let expectedA = (0.6 / 0.8) / (0.6 / 0.8 + 0.4 / 0.2)
        #expect(abs(lostCard.score - expectedA) < 1e-9)
        #expect(abs(balance.score - (1 - expectedA)) < 1e-9)
        #expect(lostCard.method == "calibrated label probability from logprobs (judge)")
        #expect(lostCard.detail["content_free"]?.arrayValue?.count == 2)
    }

    @Test func theQuestionListsEveryLabelAsALetterAndAsksForOneToken() async throws {
        let client = biasedClient()
        _ = try await run(client)
        let requests = await client.chatRequests
        // Three content-free questions and the real one, each one token with top logprobs.
        #expect(requests.count == 4)
        #expect(requests.allSatisfy { $0.maxTokens == 1 && $0.topLogprobs == 20 && $0.temperature == 0 })
        let last = try #require(requests.last?.messages.last?.content)
        #expect(last.contains("Categories:\nA) lost_card\nB) check_balance\n\nText: I lost my card yesterday."), "\(last)")
    }

    @Test func aLabelThatIsNotOneOfTheSpecsScoresZeroAndSaysWhy() async throws {
        let outcome = try await run(biasedClient(), label: "refund")
        #expect(outcome.score == 0 && outcome.method == "label_fits: \"refund\" is not one of the spec's labels")
    }

    @Test func lettersAreReadWhateverTheirSpellingAndOthersIgnored() {
        #expect(LabelDistribution.index(" A", labelCount: 2) == 0)
        #expect(LabelDistribution.index("b)", labelCount: 2) == 1)
        #expect(LabelDistribution.index("C", labelCount: 2) == nil)
        #expect(LabelDistribution.index("The", labelCount: 2) == nil)
        #expect(LabelDistribution(alternatives: [TokenAlternative(token: "The", logprob: -0.1)], labelCount: 2) == nil)
    }

    @Test func aucIsTheChanceATruePairScoresHigher() {
        // Kept here beside the check it measures: gen-bench checks reports this figure.
        let perfect = [0.9, 0.8], none = [0.1, 0.2]
        #expect(AUC.value(positives: perfect, negatives: none) == 1)
        #expect(AUC.value(positives: [0.5], negatives: [0.5]) == 0.5)
        #expect(AUC.value(positives: none, negatives: perfect) == 0)
    }
}
