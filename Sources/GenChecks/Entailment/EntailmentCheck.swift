import Foundation
import GenCore
import GenPipeline
import GenProviders
import GenRun

/// `entails(premise, hypothesis, using: judge)`: does the text support the statement? The judge model
/// answers Yes/No in one token; with logprobs the score is the calibrated P(yes) among yes/no, without them
/// the text answer scores 1 or 0 and the method says the server returned no logprobs.
public struct EntailmentCheck: ModelCheckKind {
    public let signature = QualityCheckSpec(kind: KindSpec(family: "check", name: "entails", parameters: [
        ParameterSpec(name: "premise", type: .string, isRequired: true, summary: "the text"),
        ParameterSpec(name: "hypothesis", type: .string, isRequired: true, summary: "what it should entail"),
        ParameterSpec(name: "using", type: .model, isRequired: true, summary: "the judging model"),
    ], positional: ["premise", "hypothesis"], summary: "probability that the premise entails the hypothesis"),
    result: .float, execution: .model)
    static let cacheKind = "entails"
    /// Alternatives asked for: enough that both answers show up even when the model prefers other words.
    static let topLogprobs = 10

    public init() {}

    public func run(_ invocation: CheckInvocation) async throws -> ModelCheckOutcome {
        try await score(
            premise: try invocation.text(at: 0, named: "premise"), hypothesis: try invocation.text(at: 1, named: "hypothesis"),
            model: try invocation.requireModel(), cache: invocation.cache)
    }

    /// The check on its own (benchmarks measure it on real rows this way).
    public func score(premise: String, hypothesis: String, model: CheckModel, cache: any CheckCache) async throws -> ModelCheckOutcome {
        let key = CheckCacheKey.make(
            model: model.cacheIdentity, version: EntailmentPrompt.version,
            inputs: ["premise": .string(premise), "hypothesis": .string(hypothesis)])
        return try await CachedOutcome.fetch(cache: cache, kind: Self.cacheKind, key: key) {
            let request = ChatRequest(
                model: model.model, messages: EntailmentPrompt.messages(premise: premise, hypothesis: hypothesis),
                temperature: 0, maxTokens: 1, seed: 0, topLogprobs: Self.topLogprobs)
            let response = try await model.client.chat(request)
            return Self.outcome(response, model: model).writing(response.usage.completionTokens)
        }
    }

    /// Turns the judge's one-token answer into a score.
    static func outcome(_ response: ChatResponse, model: CheckModel) -> ModelCheckOutcome {
        let answer = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let tokens = response.usage.totalTokens
        var detail: [String: JSONValue] = ["model": .string(model.name), "answer": .string(answer)]
        let alternatives = response.firstTokenAlternatives
        if !alternatives.isEmpty {
            let odds = YesNoProbability(alternatives: alternatives)
            detail["p_yes"] = .double(odds.yes)
            detail["p_no"] = .double(odds.no)
            // How much of the first token's probability went to an answer at all: low mass means the model
            // was not answering the question, whatever the ratio says.
            detail["answer_mass"] = .double(odds.yes + odds.no)
            if let probability = odds.probability {
                return ModelCheckOutcome(
                    score: probability, method: "P(yes) from logprobs (\(model.name))", detail: .object(detail), tokens: tokens)
            }
            return textOutcome(answer, detail, tokens, why: "no Yes/No among the top \(alternatives.count) logprobs", model)
        }
        return textOutcome(answer, detail, tokens, why: "server returned no logprobs", model)
    }

    private static func textOutcome(
        _ answer: String, _ detail: [String: JSONValue], _ tokens: Int, why: String, _ model: CheckModel
    ) -> ModelCheckOutcome {
        switch YesNoProbability.answer(text: answer) {
        case .some(let yes):
            return ModelCheckOutcome(
                score: yes ? 1 : 0, method: "yes/no text (\(why); \(model.name))", detail: .object(detail), tokens: tokens)
        case .none:
            // Neither yes nor no: the text is not shown to be supported, so it scores 0, and the method says why.
            return ModelCheckOutcome(
                score: 0, method: "no yes/no answer (\(why); \(model.name))", detail: .object(detail), tokens: tokens)
        }
    }
}
