import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// What goes on the wire for a chat request, and what comes back: text, finish reason, usage, logprobs.
@Suite struct ChatWireTests {
    @Test func everyParameterReachesTheServer() async throws {
        let server = try StubHTTPServer(responses: [StubClients.ok])
        defer { server.stop() }
        let request = ChatRequest(model: "smollm2", messages: [.system("Be brief."), .user("Hi")], temperature: 0.3,
                                  topP: 0.8, maxTokens: 64, seed: 42, stop: ["\n\n", "END"], topLogprobs: 5)
        _ = try await StubClients.client(baseURL: server.baseURL).chat(request)
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/v1/chat/completions")
        #expect(recorded.header("Content-Type") == "application/json")
        #expect(recorded.json == .object([
            "model": .string("smollm2"),
            "messages": .array([
                .object(["role": .string("system"), "content": .string("Be brief.")]),
                .object(["role": .string("user"), "content": .string("Hi")]),
            ]),
            "temperature": .double(0.3),
            "top_p": .double(0.8),
            "max_tokens": .int(64),
            "seed": .int(42),
            "stop": .array([.string("\n\n"), .string("END")]),
            "logprobs": .bool(true),
            "top_logprobs": .int(5),
        ]))
    }

    @Test func unsetParametersAreLeftToTheServer() async throws {
        let server = try StubHTTPServer(responses: [StubClients.ok])
        defer { server.stop() }
        _ = try await StubClients.client(baseURL: server.baseURL).chat(ChatRequest(model: "m", messages: [.user("Hi")]))
        let keys = server.requests.first?.json?.objectValue?.keys.sorted()
        #expect(keys == ["messages", "model"])
    }

    @Test func responseFieldsAreDecoded() async throws {
        let body = OpenAIStubBodies.chatCompletion("cut sho", finishReason: "length", promptTokens: 31, completionTokens: 64, model: "smollm2")
        let server = try StubHTTPServer(responses: [.json(body)])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request())
        #expect(response.text == "cut sho")
        #expect(response.finishReason == .length)
        #expect(response.usage == TokenUsage(promptTokens: 31, completionTokens: 64))
        #expect(response.model == "smollm2")
        #expect(response.latency > .zero)
        #expect(response.logprobs.isEmpty)
    }

    @Test func chatStyleLogprobsAreExposedMostLikelyFirst() async throws {
        // The shape llama-cpp-python 0.3.36 and OpenAI send.
        let logprobs: JSONValue = .object(["content": .array([
            .object(["token": .string("Yes"), "logprob": .double(-0.2), "bytes": .null, "top_logprobs": .array([
                .object(["token": .string("No"), "logprob": .double(-1.8), "bytes": .null]),
                .object(["token": .string("Yes"), "logprob": .double(-0.2), "bytes": .null]),
            ])]),
            .object(["token": .string("."), "logprob": .double(-0.5), "top_logprobs": .array([])]),
        ])])
        let server = try StubHTTPServer(responses: [.json(OpenAIStubBodies.chatCompletion("Yes.", logprobs: logprobs))])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request(topLogprobs: 2))
        #expect(response.logprobs.map(\.token) == ["Yes", "."])
        #expect(response.firstTokenAlternatives == [TokenAlternative(token: "Yes", logprob: -0.2), TokenAlternative(token: "No", logprob: -1.8)])
        let yes = try #require(response.firstTokenAlternatives.first)
        #expect(abs(yes.probability - exp(-0.2)) < 1e-12)
    }

    @Test func completionStyleLogprobsAreExposedToo() async throws {
        let logprobs: JSONValue = .object([
            "tokens": .array([.string("No"), .string("!")]),
            "token_logprobs": .array([.double(-0.1), .double(-0.9)]),
            "top_logprobs": .array([
                .object(["No": .double(-0.1), "Yes": .double(-2.4)]),
                .object(["!": .double(-0.9)]),
            ]),
        ])
        let server = try StubHTTPServer(responses: [.json(OpenAIStubBodies.chatCompletion("No!", logprobs: logprobs))])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request(topLogprobs: 2))
        #expect(response.logprobs.map(\.logprob) == [-0.1, -0.9])
        #expect(response.firstTokenAlternatives.map(\.token) == ["No", "Yes"])
    }

    @Test func nullContentIsEmptyText() async throws {
        let body: JSONValue = .object(["choices": .array([.object(["message": .object(["role": .string("assistant"), "content": .null])])])])
        let server = try StubHTTPServer(responses: [.json(body)])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request())
        #expect(response.text.isEmpty)
        #expect(response.finishReason == .unknown)
        #expect(response.usage == TokenUsage())
    }
}
