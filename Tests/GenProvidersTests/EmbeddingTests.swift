import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// Embeddings in both shapes servers send: one pooled vector, or one vector per token (mean-pooled).
@Suite struct EmbeddingTests {
    typealias Bodies = OpenAIStubBodies

    static func embed(_ body: JSONValue, texts: [String] = ["a", "b"]) async throws -> (EmbeddingResponse, StubHTTPServer) {
        let server = try StubHTTPServer(responses: [.json(body)])
        defer { server.stop() }
        return (try await StubClients.client(baseURL: server.baseURL).embed(texts, model: "embedder"), server)
    }

    @Test func pooledVectorsArriveAsSent() async throws {
        let (response, server) = try await Self.embed(Bodies.embeddings([Bodies.vector([1, 2, 3]), Bodies.vector([4, 5, 6])], promptTokens: 7))
        #expect(response.vectors == [[1, 2, 3], [4, 5, 6]])
        #expect(response.dimension == 3)
        #expect(!response.pooledFromTokens)
        #expect(response.usage.promptTokens == 7)
        #expect(server.requests.first?.path == "/v1/embeddings")
        #expect(server.requests.first?.json == .object(["model": .string("embedder"), "input": .array([.string("a"), .string("b")])]))
    }

    @Test func perTokenVectorsAreMeanPooled() async throws {
        let perToken: JSONValue = .array([Bodies.vector([1, 2]), Bodies.vector([3, 4]), Bodies.vector([5, 12])])
        let single: JSONValue = .array([Bodies.vector([7, -1])])
        let (response, _) = try await Self.embed(Bodies.embeddings([perToken, single]))
        #expect(response.vectors == [[3, 6], [7, -1]])
        #expect(response.pooledFromTokens)
    }

    @Test func integerComponentsAreAccepted() async throws {
        let (response, _) = try await Self.embed(Bodies.embeddings([.array([.int(0), .int(1)]), .array([.double(0.5), .int(-2)])]))
        #expect(response.vectors == [[0, 1], [0.5, -2]])
    }

    @Test func vectorsAreReturnedInInputOrderWhateverTheServerOrder() async throws {
        let body: JSONValue = .object(["data": .array([
            .object(["index": .int(1), "embedding": Bodies.vector([2])]),
            .object(["index": .int(0), "embedding": Bodies.vector([1])]),
        ])])
        let (response, _) = try await Self.embed(body)
        #expect(response.vectors == [[1], [2]])
    }

    @Test(arguments: [
        (Bodies.embeddings([Bodies.vector([1])]), "asked for 2 embeddings, got 1"),
        (Bodies.embeddings([Bodies.vector([1, 2]), Bodies.vector([1])]), "embedding vectors have different widths"),
        (Bodies.embeddings([.array([Bodies.vector([1, 2]), Bodies.vector([1])]), Bodies.vector([1, 2])]),
         "embedding 0 is neither a list of numbers nor a list of equal-width number lists"),
        (Bodies.embeddings([.array([]), Bodies.vector([1])]), "embedding 0 is missing or empty"),
        (Bodies.embeddings([.array([.string("x")]), Bodies.vector([1])]),
         "embedding 0 is neither a list of numbers nor a list of equal-width number lists"),
        (JSONValue.object(["data": .array([
            .object(["index": .int(0), "embedding": Bodies.vector([1])]),
            .object(["index": .int(0), "embedding": Bodies.vector([2])]),
        ])]), "embedding index 0 is out of range or repeated"),
        (JSONValue.object(["object": .string("list")]), "no `data` list in the embeddings answer"),
    ])
    func brokenAnswersAreRejectedWithTheReason(_ body: JSONValue, _ reason: String) async throws {
        let server = try StubHTTPServer(responses: [.json(body)])
        defer { server.stop() }
        await #expect(throws: LLMError.malformedResponse(url: server.baseURL, reason: reason)) {
            try await StubClients.client(baseURL: server.baseURL).embed(["a", "b"], model: "embedder")
        }
    }

    @Test func noTextsMeansNoRequest() async throws {
        let server = try StubHTTPServer(responses: [])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).embed([], model: "embedder")
        #expect(response.vectors.isEmpty)
        #expect(server.requests.isEmpty)
    }
}
