import GenCore
import GenPipeline
import GenProviders
import GenRun
import GenRuntime

/// `judge(sample, rubric: [...], extend: false, using: judge)`: an LLM judge scores the sample against a
/// rubric with structured JSON output, one 1-5 score per criterion; the score is their mean mapped to [0, 1].
///
/// Arguments, in parameter order as the checker lowers them: the sample (default: the sample being checked),
/// then optionally a list of criteria that replaces the spec's rubric (`none` or `[]`: the spec's rubric), then
/// optionally `true` to add them to the spec's rubric instead.
public struct JudgeCheck: ModelCheckKind {
    public let signature = QualityCheckSpec(kind: KindSpec(family: "check", name: "judge", parameters: [
        ParameterSpec(name: "sample", type: .any, isRequired: true, summary: "what to judge"),
        ParameterSpec(name: "rubric", type: .list(.string), defaultValue: .array([]),
                      summary: "criteria (default: built from the spec: domain, each constraint, the label)"),
        ParameterSpec(name: "extend", type: .bool, defaultValue: .bool(false),
                      summary: "add the rubric's criteria to the spec's instead of replacing them"),
        ParameterSpec(name: "using", type: .model, isRequired: true, summary: "the judging model"),
    ], positional: ["sample"], summary: "mean 1-5 rating per rubric criterion, mapped to [0, 1]"), result: .float, execution: .model)
    static let cacheKind = "judge"

    public init() {}

    public func run(_ invocation: CheckInvocation) async throws -> ModelCheckOutcome {
        let model = try invocation.requireModel()
        let sample = invocation.arguments.first ?? Value(json: invocation.context.sample)
        let rubric = try Self.rubric(invocation, sample: sample)
        guard !rubric.criteria.isEmpty else {
            throw ModelCheckError.badArguments(
                check: name, reason: "no criteria: the spec has no domain, constraints or label, and no `rubric:` was given")
        }
        let text = SampleText.render(sample)
        let key = CheckCacheKey.make(
            model: model.cacheIdentity, version: JudgePrompt.version,
            inputs: ["sample": .string(text), "criteria": .array(rubric.criteria.map(JSONValue.string))])
        return try await CachedOutcome.fetch(
            cache: invocation.cache, kind: Self.cacheKind, key: key, shouldStore: { $0.detail["error"] == nil }
        ) {
            let request = ChatRequest(
                model: model.model, messages: JudgePrompt.messages(sample: text, rubric: rubric), temperature: 0,
                maxTokens: JudgePrompt.maxTokens(for: rubric), seed: 0, outputSchema: rubric.outputSchema,
                schemaName: "judgment")
            let response = try await model.client.chat(request)
            return Self.outcome(response, rubric: rubric, model: model).writing(response.usage.completionTokens)
        }
    }

    /// The judge's answer as an outcome; an unreadable answer scores 0 with the reason in method and detail.
    static func outcome(_ response: ChatResponse, rubric: JudgeRubric, model: CheckModel) -> ModelCheckOutcome {
        let tokens = response.usage.totalTokens
        switch JudgeVerdict.read(response.text, rubric: rubric) {
        case .success(let verdict):
            var detail = verdict.json
            if case .object(var fields) = detail {
                fields["model"] = .string(model.name)
                detail = .object(fields)
            }
            return ModelCheckOutcome(
                score: verdict.score, method: "judge, mean of \(rubric.criteria.count) criteria (\(model.name))",
                detail: detail, tokens: tokens)
        case .failure(let rejection):
            return ModelCheckOutcome(
                score: 0, method: "judge answer unreadable: \(rejection.reason) (\(model.name))",
                detail: .object([
                    "error": .string(rejection.reason), "answer": .string(response.text), "model": .string(model.name),
                ]),
                tokens: tokens)
        }
    }

    /// The spec's rubric, replaced or extended by the script's `rubric:` list.
    static func rubric(_ invocation: CheckInvocation, sample: Value) throws -> JudgeRubric {
        let spec = invocation.context.spec
        let fromSpec = JudgeRubric.fromSpec(spec, label: label(of: sample, invocation))
        // No rubric, `none` (an optional parameter left out) or an empty list: the spec's rubric.
        guard invocation.arguments.count > 1, invocation.arguments[1] != .none else { return fromSpec }
        guard case .list(let items) = invocation.arguments[1] else {
            throw ModelCheckError.badArguments(check: "judge", reason: "`rubric` must be a list of strings, got \(invocation.arguments[1].typeWithArticle)")
        }
        var custom: [String] = []
        for item in items {
            guard case .string(let criterion) = item else {
                throw ModelCheckError.badArguments(check: "judge", reason: "every rubric criterion must be a string, got \(item.typeWithArticle)")
            }
            custom.append(criterion)
        }
        if custom.isEmpty { return fromSpec }
        let extend = invocation.arguments.count > 2 && invocation.arguments[2] == .bool(true)
        return JudgeRubric(criteria: extend ? fromSpec.criteria + custom : custom)
    }

    /// The label the sample carries: its label field, or the checked sample's when the argument is plain text.
    private static func label(of sample: Value, _ invocation: CheckInvocation) -> String? {
        guard let field = invocation.context.spec.labelField else { return nil }
        if case .record(let record) = sample, let value = record[field] {
            return SampleText.render(value)
        }
        return invocation.context.sample[field].map { $0.stringValue ?? CanonicalJSON.string($0) }
    }
}
