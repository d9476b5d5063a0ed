import GenCore
import GenProviders

/// `per_call: n`: one request asks for n samples as a JSON array (structured output for an array), so the
/// shared prompt (domain, requirements, fields, examples) is paid once for n samples. Each element becomes
/// its slot's candidate and is checked on its own; the call's tokens and time are shared out evenly.
extension LLMArm {
    func generateGroup(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        guard let first = slots.first else { return [] }
        var rng = SeededRandom(seed: first.seed)
        let shown = chooseExamples(context: context, rng: &rng)
        let prompt = prompting.groupMessages(context: context, examples: shown, slots: slots)
        let request = ChatRequest(
            model: model, messages: [.system(prompt.system), .user(prompt.user)],
            temperature: temperature, topP: topP, maxTokens: maxTokens.map { $0 * slots.count },
            seed: Int(truncatingIfNeeded: first.seed & 0x7FFF_FFFF),
            outputSchema: StructuredOutput.jsonSchema(forListOf: context.schema, count: slots.count),
            schemaName: context.schemaName + "List")
        let parameters = prompt.attributes.map { recorded(attributes: $0) }
        let response: ChatResponse
        switch try await send(request) {
        case .success(let answer): response = answer
        case .failure(let error): return zip(slots, parameters).map { failed($0, error, parameters: $1) }
        }
        let samples: [JSONValue]
        var failure: String?
        switch ModelOutputParser.parse(response.text, as: .jsonArray) {
        case .success(let value):
            samples = value.arrayValue ?? []
        case .failure(let rejection):
            samples = []
            failure = RejectionReason.capped(
                "unreadable output: \(rejection.reason)", suffix: response.finishReason == .length ? " (the model hit max_tokens)" : "")
        }
        let prompts = Self.share(response.usage.promptTokens, among: slots.count)
        let completions = Self.share(response.usage.completionTokens, among: slots.count)
        let seconds = Self.seconds(response.latency) / Double(slots.count)
        return slots.indices.map { index in
            var candidate = Candidate(
                arm: name, slot: slots[index].slot, targetLabel: slots[index].targetLabel, sample: nil,
                rawText: index < samples.count ? CanonicalJSON.string(samples[index]) : response.text, failure: nil,
                promptTokens: prompts[index], completionTokens: completions[index], latencySeconds: seconds,
                parameters: parameters[index])
            if index < samples.count, samples[index].objectValue != nil {
                candidate.sample = samples[index]
            } else {
                candidate.failure = failure ?? (index < samples.count
                    ? "unreadable output: element \(index + 1) of the array is not an object"
                    : "unreadable output: the model wrote \(samples.count) of the \(slots.count) samples asked for")
            }
            return candidate
        }
    }

    /// `total` split into `count` whole parts that differ by at most one and add up to `total`.
    static func share(_ total: Int, among count: Int) -> [Int] {
        guard count > 0 else { return [] }
        return (0..<count).map { total / count + ($0 < total % count ? 1 : 0) }
    }
}
