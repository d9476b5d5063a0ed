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
        /// `k` samples accepted in this run, plus `seeds` of the spec's seed examples (real data kept in the mix).
        case accepted(k: Int, seeds: Int = 0)
    }

    public let name: String
    let client: any LLMClient
    let model: String
    let temperature: Double?
    let topP: Double?
    let maxTokens: Int?
    let examples: ExampleSource
    let recordedParameters: [String: JSONValue]
    /// The arm's own prompt: attributes drawn per slot, its ask and its system message (defaults when empty).
    var prompting: ArmPrompting
    /// Samples asked for in one request (`per_call`); 1 is one request per slot.
    let perCall: Int
    /// `evolve` arms: the existing sample to change and how (nil for naive and fewshot).
    let evolution: Evolution?

    public init(
        name: String, client: any LLMClient, model: String, temperature: Double?, topP: Double?, maxTokens: Int?,
        examples: ExampleSource, recordedParameters: [String: JSONValue], prompting: ArmPrompting = ArmPrompting(),
        perCall: Int = 1, evolution: Evolution? = nil
    ) {
        self.evolution = evolution
        self.prompting = prompting
        self.perCall = max(1, perCall)
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
        try await withThrowingTaskGroup(of: [Candidate].self) { group in
            if perCall > 1 {
                for start in stride(from: 0, to: slots.count, by: perCall) {
                    let chunk = Array(slots[start..<min(start + perCall, slots.count)])
                    group.addTask { try await self.generateGroup(chunk, context: context) }
                }
            } else {
                for slot in slots {
                    group.addTask { [try await self.generateOne(slot, context: context)] }
                }
            }
            var results: [Candidate] = []
            for try await candidates in group { results += candidates }
            return results.sorted { $0.slot < $1.slot }
        }
    }

    func generateOne(_ slot: SlotRequest, context: GenerationContext) async throws -> Candidate {
        var rng = SeededRandom(seed: slot.seed)
        let shown = chooseExamples(context: context, rng: &rng)
        var evolutionRNG = SeededRandom(seed: slot.seed).derived("evolve")
        let original = evolution?.pick(context: context, targetLabel: slot.targetLabel, rng: &evolutionRNG)
        var prompting = self.prompting
        if let evolution, let original {
            prompting.instruction = PromptText(PromptText.escaped(evolution.instruction(original: original, context: context, targetLabel: slot.targetLabel)))
        }
        let prompt = prompting.messages(context: context, examples: shown, slot: slot)
        var recordedParameters = recorded(attributes: prompt.attributes)
        if let original {
            recordedParameters["evolved_from"] = .string(String(CanonicalJSON.string(original).prefix(Evolution.recordedLength)))
        }
        let request = ChatRequest(
            model: model,
            messages: [.system(prompt.system), .user(prompt.user)],
            temperature: temperature, topP: topP, maxTokens: maxTokens,
            seed: Int(truncatingIfNeeded: slot.seed & 0x7FFF_FFFF),
            outputSchema: StructuredOutput.jsonSchema(for: context.schema),
            schemaName: context.schemaName)
        let response: ChatResponse
        switch try await send(request) {
        case .success(let answer): response = answer
        case .failure(let error): return failed(slot, error, parameters: recordedParameters)
        }
        return candidate(for: slot, response: response, parameters: recordedParameters)
    }

    /// The candidate for one answer: the sample it holds, or why it could not be read. `parameters` are what
    /// the candidate records (the attribute values it was asked for); by default the arm's declaration.
    func candidate(for slot: SlotRequest, response: ChatResponse, parameters: [String: JSONValue]? = nil) -> Candidate {
        var candidate = Candidate(
            arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: nil, rawText: response.text, failure: nil,
            promptTokens: response.usage.promptTokens, completionTokens: response.usage.completionTokens,
            latencySeconds: Self.seconds(response.latency), parameters: parameters ?? recordedParameters)
        switch ModelOutputParser.parse(response.text, as: .jsonObject) {
        case .success(let sample):
            candidate.sample = sample
        case .failure(let rejection):
            let cutOff = response.finishReason == .length ? " (the model hit max_tokens)" : ""
            candidate.failure = RejectionReason.capped("unreadable output: \(rejection.reason)", suffix: cutOff)
        }
        return candidate
    }

    /// The server's answer; an error that stops the run is thrown, any other is the slots' rejection.
    func send(_ request: ChatRequest) async throws -> Result<ChatResponse, any Error> {
        do {
            // Named so a cassette, and a replay that misses, can say which arm asked.
            return .success(try await ModelCallSite.$current.withValue("arm `\(name)`") { try await client.chat(request) })
        } catch let error as LLMError where error.stopsRun {
            throw error
        } catch {
            return .failure(error)
        }
    }

    /// A slot whose request failed after the client's retries (counted towards the run's failure stop).
    func failed(_ slot: SlotRequest, _ error: any Error, parameters: [String: JSONValue]) -> Candidate {
        var candidate = Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: nil, rawText: "",
                                  failure: "generation failed: \(error)", parameters: parameters)
        candidate.requestFailed = true
        return candidate
    }

    /// The arm's parameters as one candidate records them: the attribute values it was asked for, not the
    /// arm's whole declaration.
    func recorded(attributes: [(name: String, value: String)]) -> [String: JSONValue] {
        var parameters = recordedParameters
        if !attributes.isEmpty {
            parameters["attributes"] = .object(Dictionary(attributes.map { ($0.name, .string($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
        return parameters
    }

    func chooseExamples(context: GenerationContext, rng: inout SeededRandom) -> [JSONValue] {
        switch examples {
        case .seeds:
            return context.seedExamples
        case .accepted(let k, let seeds):
            // Until the run has accepted enough, few-shot falls back on the seed examples.
            let pool = context.accepted.isEmpty ? context.seedExamples : context.accepted
            let drawn = Self.draw(k, from: pool, rng: &rng)
            guard seeds > 0, !context.accepted.isEmpty else { return drawn }
            return Self.draw(seeds, from: context.seedExamples, rng: &rng) + drawn
        }
    }

    /// Up to `count` items of `pool`, drawn without replacement, in pool order.
    static func draw(_ count: Int, from pool: [JSONValue], rng: inout SeededRandom) -> [JSONValue] {
        guard pool.count > count else { return pool }
        var indices = Array(pool.indices)
        indices.shuffle(using: &rng)
        return indices.prefix(count).sorted().map { pool[$0] }
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
