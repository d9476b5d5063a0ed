import Foundation
import GenCore
import GenPipeline
import GenProviders

/// `naive` and `fewshot`: one chat completion per sample, with structured output derived from the schema.
/// They differ only in where the prompt's examples come from: the script's seed examples, or k samples
/// drawn from those already accepted in this run.
public struct LLMArm: Arm {
    public enum ExampleSource: Sendable, Equatable {
        case seeds
        case accepted(k: Int)
    }

    public let name: String
    let client: any LLMClient
    let model: String
    let temperature: Double?
    let topP: Double?
    let maxTokens: Int?
    let examples: ExampleSource
    let recordedParameters: [String: JSONValue]

    public init(
        name: String, client: any LLMClient, model: String, temperature: Double?, topP: Double?, maxTokens: Int?,
        examples: ExampleSource, recordedParameters: [String: JSONValue]
    ) {
        self.name = name
        self.client = client
        self.model = model
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.examples = examples
        self.recordedParameters = recordedParameters
    }

    public func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        try await withThrowingTaskGroup(of: Candidate.self) { group in
            for slot in slots {
                group.addTask { try await self.generateOne(slot, context: context) }
            }
            var results: [Candidate] = []
            for try await candidate in group { results.append(candidate) }
            return results.sorted { $0.slot < $1.slot }
        }
    }

    func generateOne(_ slot: SlotRequest, context: GenerationContext) async throws -> Candidate {
        var rng = SeededRandom(seed: slot.seed)
        let shown = chooseExamples(context: context, rng: &rng)
        let request = ChatRequest(
            model: model,
            messages: [
                .system(PromptBuilder.systemPrompt),
                .user(PromptBuilder.userPrompt(context: context, examples: shown, targetLabel: slot.targetLabel)),
            ],
            temperature: temperature, topP: topP, maxTokens: maxTokens,
            seed: Int(truncatingIfNeeded: slot.seed & 0x7FFF_FFFF),
            outputSchema: StructuredOutput.jsonSchema(for: context.schema),
            schemaName: context.schemaName)
        let response: ChatResponse
        do {
            response = try await client.chat(request)
        } catch let error as LLMError where error.stopsRun {
            throw error
        } catch {
            var failed = Candidate(
                arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: nil, rawText: "",
                failure: "generation failed: \(error)", parameters: recordedParameters)
            failed.requestFailed = true
            return failed
        }
        return candidate(for: slot, response: response)
    }

    /// The candidate for one answer: the sample it holds, or why it could not be read.
    func candidate(for slot: SlotRequest, response: ChatResponse) -> Candidate {
        var candidate = Candidate(
            arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: nil, rawText: response.text, failure: nil,
            promptTokens: response.usage.promptTokens, completionTokens: response.usage.completionTokens,
            latencySeconds: Self.seconds(response.latency), parameters: recordedParameters)
        switch ModelOutputParser.parse(response.text, as: .jsonObject) {
        case .success(let sample):
            candidate.sample = sample
        case .failure(let rejection):
            let cutOff = response.finishReason == .length ? " (the model hit max_tokens)" : ""
            candidate.failure = RejectionReason.capped("unreadable output: \(rejection.reason)", suffix: cutOff)
        }
        return candidate
    }

    func chooseExamples(context: GenerationContext, rng: inout SeededRandom) -> [JSONValue] {
        switch examples {
        case .seeds:
            return context.seedExamples
        case .accepted(let k):
            // Until the run has accepted enough, few-shot falls back on the seed examples.
            let pool = context.accepted.isEmpty ? context.seedExamples : context.accepted
            guard pool.count > k else { return pool }
            var indices = Array(pool.indices)
            indices.shuffle(using: &rng)
            return indices.prefix(k).sorted().map { pool[$0] }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
