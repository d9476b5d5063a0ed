import Foundation
import GenCore
import GenPipeline
import GenProviders
import GenRun

/// `label_fits(text, label, using: model)`: how well the text fits its label, as the model's calibrated
/// probability for that label when it classifies the text among all the spec's labels (zero-shot, one
/// token, logprobs), divided by its bias on content-free inputs (Calibrate Before Use, Zhao et al. 2021).
/// Unlike `entails`' P(yes) on one statement, every label competes, so a text that fits another label
/// better scores low even when the model says "yes" to everything.
public struct LabelAgreementCheck: ModelCheckKind {
    public let signature = QualityCheckSpec(kind: KindSpec(family: "check", name: "label_fits", parameters: [
        ParameterSpec(name: "text", type: .string, isRequired: true, summary: "the text to classify"),
        ParameterSpec(name: "label", type: .string, isRequired: true, summary: "the label it claims (one of the spec's labels)"),
        ParameterSpec(name: "using", type: .model, isRequired: true, summary: "the classifying model"),
    ], positional: ["text", "label"], summary: "calibrated probability that the text's label is `label`, among the spec's labels"),
    result: .float, execution: .model)
    static let cacheKind = "label_fits"
    static let topLogprobs = 20

    public init() {}

    public func run(_ invocation: CheckInvocation) async throws -> ModelCheckOutcome {
        try await score(
            text: try invocation.text(at: 0, named: "text"), label: try invocation.text(at: 1, named: "label"),
            labels: invocation.context.spec.labels, domain: invocation.context.spec.domain,
            model: try invocation.requireModel(), cache: invocation.cache)
    }

    /// The check on its own (benchmarks measure it on real rows this way).
    public func score(
        text: String, label: String, labels: [String], domain: String, model: CheckModel, cache: any CheckCache
    ) async throws -> ModelCheckOutcome {
        guard labels.count >= 2, labels.count <= 26, let target = labels.firstIndex(of: label) else {
            let why = labels.count < 2 ? "the spec has no enum label field with two or more labels" : "\"\(label)\" is not one of the spec's labels"
            return ModelCheckOutcome(score: 0, method: "label_fits: \(why)", detail: .object([:]), tokens: 0)
        }
        let prior = try await contentFreePrior(domain: domain, labels: labels, model: model, cache: cache)
        let key = CheckCacheKey.make(
            model: model.cacheIdentity, version: LabelAgreementPrompt.version,
            inputs: ["text": .string(text), "labels": .array(labels.map { .string($0) }), "domain": .string(domain)])
        let raw = try await CachedOutcome.fetch(cache: cache, kind: Self.cacheKind, key: key) {
            try await Self.ask(text: text, domain: domain, labels: labels, model: model)
        }
        guard let probabilities = raw.detail["probabilities"]?.arrayValue?.compactMap(\.doubleValue), probabilities.count == labels.count else {
            return ModelCheckOutcome(score: 0, method: raw.method, detail: raw.detail, tokens: raw.tokens, cached: raw.cached)
                .writing(raw.completionTokens)
        }
        let calibrated = LabelDistribution(probabilities: probabilities, mass: raw.detail["letter_mass"]?.doubleValue ?? 0).calibrated(by: prior)
        var detail = raw.detail.objectValue ?? [:]
        detail["calibrated"] = .array(calibrated.map { .double($0) })
        detail["content_free"] = .array(prior.map { .double($0) })
        return ModelCheckOutcome(
            score: calibrated[target], method: "calibrated label probability from logprobs (\(model.name))", detail: .object(detail),
            tokens: raw.tokens, cached: raw.cached).writing(raw.completionTokens)
    }

    /// One classification: the uncalibrated distribution over the labels, in `detail.probabilities`.
    static func ask(text: String, domain: String, labels: [String], model: CheckModel) async throws -> ModelCheckOutcome {
        let request = ChatRequest(
            model: model.model, messages: LabelAgreementPrompt.messages(domain: domain, text: text, labels: labels),
            temperature: 0, maxTokens: 1, seed: 0, topLogprobs: topLogprobs)
        let response = try await model.client.chat(request)
        let tokens = response.usage.totalTokens
        guard let distribution = LabelDistribution(alternatives: response.firstTokenAlternatives, labelCount: labels.count) else {
            let why = response.firstTokenAlternatives.isEmpty ? "server returned no logprobs" : "no label letter among the top logprobs"
            return ModelCheckOutcome(score: 0, method: "label_fits: \(why) (\(model.name))",
                                     detail: .object(["answer": .string(response.text)]), tokens: tokens)
                .writing(response.usage.completionTokens)
        }
        return ModelCheckOutcome(
            score: 0, method: "label probabilities from logprobs (\(model.name))",
            detail: .object(["probabilities": .array(distribution.probabilities.map { .double($0) }), "letter_mass": .double(distribution.mass),
                             "answer": .string(response.text)]),
            tokens: tokens).writing(response.usage.completionTokens)
    }

    /// The model's mean distribution on content-free texts, asked once per model, domain and label set (cached).
    func contentFreePrior(domain: String, labels: [String], model: CheckModel, cache: any CheckCache) async throws -> [Double] {
        var distributions: [LabelDistribution] = []
        for text in LabelAgreementPrompt.contentFree {
            let key = CheckCacheKey.make(
                model: model.cacheIdentity, version: LabelAgreementPrompt.version,
                inputs: ["text": .string(text), "labels": .array(labels.map { .string($0) }), "domain": .string(domain)])
            let outcome = try await CachedOutcome.fetch(cache: cache, kind: Self.cacheKind, key: key) {
                try await Self.ask(text: text, domain: domain, labels: labels, model: model)
            }
            if let values = outcome.detail["probabilities"]?.arrayValue?.compactMap(\.doubleValue), values.count == labels.count {
                distributions.append(LabelDistribution(probabilities: values, mass: 1))
            }
        }
        return LabelDistribution.mean(distributions, labelCount: labels.count)
    }
}
