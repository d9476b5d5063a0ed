import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenCore
import GenProviders
import Testing

/// End-to-end against the real local llama.cpp servers (`scripts/llm-server.sh start`; CI starts them).
/// These fail, never skip, when the servers are missing. Filter them with `--filter LiveServerTests`
/// or out with `--skip LiveServerTests`. Serialized: the local server answers one request at a time.
@Suite(.serialized) struct LiveServerTests {
    static let environment = ProcessInfo.processInfo.environment
    static let chatURL = environment["GEN_LLM_URL"] ?? "http://127.0.0.1:8080/v1"
    static let embedURL = environment["GEN_EMBED_URL"] ?? "http://127.0.0.1:8081/v1"
    static let model = environment["GEN_LLM_MODEL"] ?? "smollm2"
    /// SmolLM2-135M's hidden size; override for another model.
    static let embeddingWidth = Int(environment["GEN_EMBED_WIDTH"] ?? "") ?? 576

    /// A client for `url`, or nil after recording why the test cannot run.
    static func liveClient(_ url: String, variable: String) async -> OpenAICompatibleClient? {
        guard await answers(url) else {
            Issue.record("the local LLM server is not answering at \(url); run scripts/llm-server.sh start (or set \(variable))")
            return nil
        }
        do {
            let configuration = ClientConfiguration(baseURL: url, timeout: 180, maxConcurrency: 1, urlVariable: variable)
            return try OpenAICompatibleClient(configuration: configuration)
        } catch {
            Issue.record("cannot make a client for \(url): \(error)")
            return nil
        }
    }

    /// Whether `GET <url>/models` answers (a refused connection fails at once; a busy server gets a minute).
    static func answers(_ url: String) async -> Bool {
        guard let models = URL(string: url + "/models") else { return false }
        var request = URLRequest(url: models)
        request.timeoutInterval = 60
        let status = try? await URLSession.shared.data(for: request).1 as? HTTPURLResponse
        return status?.statusCode == 200
    }

    static let intentSchema: JSONValue = .object([
        "type": .string("object"),
        "properties": .object([
            "text": .object(["type": .string("string"), "maxLength": .int(120)]),
            "label": .object(["type": .string("string"), "enum": .array(["lost_card", "check_balance"].map(JSONValue.string))]),
        ]),
        "required": .array([.string("text"), .string("label")]),
    ])

    @Test func chatWithASchemaReturnsJSONThatFollowsIt() async throws {
        guard let client = await Self.liveClient(Self.chatURL, variable: "GEN_LLM_URL") else { return }
        let request = ChatRequest(
            model: Self.model,
            messages: [.system("You write one short customer message to a bank, as JSON."),
                       .user("Write a message from a customer who lost their card.")],
            temperature: 0.7, topP: 0.9, maxTokens: 96, seed: 7,
            outputSchema: Self.intentSchema, schemaName: "intent"
        )
        let response = try await client.chat(request)
        print("live chat: \(response.latency) wall, \(response.usage.promptTokens) prompt + \(response.usage.completionTokens) completion tokens, "
            + "format \(response.structuredOutput?.rawValue ?? "none"), finish \(response.finishReason): \(response.text)")
        #expect(response.structuredOutput != nil)
        #expect(response.usage.promptTokens > 0 && response.usage.completionTokens > 0)
        let value = try ModelOutputParser.parse(response.text, as: .jsonObject).get()
        #expect(value["text"]?.stringValue?.isEmpty == false)
        #expect(["lost_card", "check_balance"].contains(value["label"]?.stringValue ?? ""))
        let totals = await client.usage.totals(for: Self.model)
        #expect(totals.requests == 1 && totals.totalTokens == response.usage.totalTokens)
    }

    @Test func theSameSeedGivesTheSameText() async throws {
        guard let client = await Self.liveClient(Self.chatURL, variable: "GEN_LLM_URL") else { return }
        let request = ChatRequest(model: Self.model, messages: [.user("Name a fruit.")], temperature: 1.0, maxTokens: 12, seed: 11)
        let first = try await client.chat(request)
        let second = try await client.chat(request)
        #expect(!first.text.isEmpty)
        #expect(first.text == second.text)
    }

    @Test func logprobsOfTheFirstTokenComeBack() async throws {
        guard let client = await Self.liveClient(Self.chatURL, variable: "GEN_LLM_URL") else { return }
        let request = ChatRequest(model: Self.model, messages: [.user("Is the sky blue? Answer yes or no.")],
                                  temperature: 0, maxTokens: 1, seed: 1, topLogprobs: 5)
        let response = try await client.chat(request)
        let first = try #require(response.logprobs.first, "no logprobs in: \(response.text)")
        let alternatives = response.firstTokenAlternatives
        print("live logprobs: chose \(first.token) (p=\(exp(first.logprob))); alternatives "
            + alternatives.map { "\($0.token)=\(String(format: "%.3f", $0.probability))" }.joined(separator: " "))
        #expect((1...5).contains(alternatives.count))
        #expect(alternatives.allSatisfy { $0.logprob <= 0 })
        #expect(alternatives.first?.token == first.token, "at temperature 0 the chosen token is the most likely")
        #expect(alternatives.map(\.probability).reduce(0, +) <= 1.000_001)
    }

    @Test func embeddingsArePooledVectorsOfTheModelsWidth() async throws {
        guard let client = await Self.liveClient(Self.embedURL, variable: "GEN_EMBED_URL") else { return }
        let response = try await client.embed(["I lost my bank card yesterday", "What is my balance?"], model: Self.model)
        print("live embeddings: \(response.vectors.count) x \(response.dimension), pooled from tokens: \(response.pooledFromTokens), \(response.latency)")
        #expect(response.vectors.count == 2)
        #expect(response.vectors.allSatisfy { $0.count == Self.embeddingWidth })
        #expect(response.vectors.allSatisfy { $0.allSatisfy(\.isFinite) })
        #expect(response.vectors[0] != response.vectors[1])
    }
}
