import Foundation
import Gen

/// A host's own arm kind: one short ad headline per call, written by a model in a given persona's voice.
/// `headline(local, persona: "a mountain guide", temperature: 0.9)`.
enum HeadlineArm {
    static let spec = KindSpec(family: "arm", name: "headline", parameters: [
        ParameterSpec(name: "model", type: .model, isRequired: true, summary: "the model that writes"),
        ParameterSpec(name: "persona", type: .string, defaultValue: .string("a copywriter"), summary: "whose voice the ad is in"),
        ParameterSpec(name: "temperature", type: .float, defaultValue: .double(0.8), minimum: 0, maximum: 2,
                      summary: "sampling temperature"),
    ], positional: ["model"], summary: "one ad headline per call, in a persona's voice")

    static func make(_ node: ArmNode, _ spec: KindSpec, _ environment: ArmEnvironment) throws -> any Arm {
        guard let model = node.model, let client = environment.clients[model] else {
            throw ArmError.missingModel(arm: node.name, kind: node.kind)
        }
        func value(_ name: String) -> JSONValue? { node.parameters[name] ?? spec.parameter(named: name)?.defaultValue }
        return Writer(
            name: node.name, client: client, model: environment.modelNames[model] ?? model,
            persona: value("persona")?.stringValue ?? "a copywriter", temperature: value("temperature")?.doubleValue ?? 0.8,
            parameters: node.parameters)
    }

    struct Writer: Arm {
        let name: String
        let client: any LLMClient
        let model: String
        let persona: String
        let temperature: Double
        let parameters: [String: JSONValue]

        func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
            var candidates: [Candidate] = []
            for slot in slots {
                let request = ChatRequest(
                    model: model,
                    messages: [
                        .system("You are \(persona). You write advertising headlines."),
                        .user("Write one headline of at most ten words for: \(context.domain). Answer with the headline only."),
                    ],
                    temperature: temperature, maxTokens: 32, seed: Int(slot.seed % 1_000_000))
                let response = try await client.chat(request)
                let line = response.text.split(separator: "\n").first.map(String.init) ?? ""
                let text = line.trimmingCharacters(in: CharacterSet(charactersIn: " \"'*#"))
                candidates.append(Candidate(
                    arm: name, slot: slot.slot, targetLabel: slot.targetLabel,
                    sample: text.isEmpty ? nil : .object(["text": .string(text)]), rawText: response.text,
                    failure: text.isEmpty ? "empty answer" : nil, promptTokens: response.usage.promptTokens,
                    completionTokens: response.usage.completionTokens, latencySeconds: 0, parameters: parameters))
            }
            return candidates
        }
    }
}
