import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// Tokens are counted per model; `max_concurrency` bounds requests in flight per model.
@Suite struct UsageAndConcurrencyTests {
    @Test func tokensAreAccountedPerModelAcrossChatsAndEmbeddings() async throws {
        let server = try StubHTTPServer { request, _ in
            request.path.hasSuffix("/embeddings")
                ? .json(OpenAIStubBodies.embeddings([OpenAIStubBodies.vector([1])], promptTokens: 3))
                : .json(OpenAIStubBodies.chatCompletion("hi", promptTokens: 20, completionTokens: 4))
        }
        defer { server.stop() }
        let usage = UsageAccountant()
        let client = try StubClients.client(baseURL: server.baseURL, usage: usage)
        _ = try await client.chat(StubClients.request(model: "writer"))
        _ = try await client.chat(StubClients.request(model: "writer"))
        _ = try await client.chat(StubClients.request(model: "judge"))
        _ = try await client.embed(["x"], model: "embedder")
        let writer = await usage.totals(for: "writer")
        #expect(writer.requests == 2)
        #expect(writer.promptTokens == 40)
        #expect(writer.completionTokens == 8)
        #expect(writer.totalTokens == 48)
        #expect(await usage.totals(for: "judge").totalTokens == 24)
        #expect(await usage.totals(for: "embedder").promptTokens == 3)
        #expect(await usage.allTotals().keys.sorted() == ["embedder", "judge", "writer"])
    }

    @Test func retriedAttemptsAreCountedButFailuresAreNot() async throws {
        let server = try StubHTTPServer(responses: [.text("busy", status: 503), StubClients.ok, .text("bad", status: 400)])
        defer { server.stop() }
        let usage = UsageAccountant()
        let client = try StubClients.client(baseURL: server.baseURL, usage: usage)
        _ = try await client.chat(StubClients.request())
        _ = try? await client.chat(StubClients.request())
        let totals = await usage.totals(for: "stub-model")
        #expect(totals.requests == 1)
        #expect(totals.attempts == 2)
    }

    @Test(arguments: [1, 2, 3])
    func requestsInFlightNeverExceedMaxConcurrency(limit: Int) async throws {
        let server = try StubHTTPServer(responses: [StubResponse.json(OpenAIStubBodies.chatCompletion("ok"), delay: .milliseconds(250))])
        defer { server.stop() }
        let client = try StubClients.client(baseURL: server.baseURL, maxConcurrency: limit)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask { _ = try await client.chat(StubClients.request("request \(index)")) }
            }
            try await group.waitForAll()
        }
        #expect(server.requests.count == 8)
        #expect(server.maxInFlight <= limit)
        #expect(server.maxInFlight == limit, "with 8 slow requests queued, the limit should be reached")
    }

    @Test func theLimitIsPerEndpointOfAPool() async throws {
        let slow = StubResponse.json(OpenAIStubBodies.chatCompletion("ok"), delay: .milliseconds(250))
        let first = try StubHTTPServer(responses: [slow])
        let second = try StubHTTPServer(responses: [slow])
        defer { first.stop(); second.stop() }
        let client = try StubClients.client(baseURL: first.baseURL, maxConcurrency: 1, pool: [first.baseURL, second.baseURL])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<4 {
                group.addTask { _ = try await client.chat(StubClients.request("request \(index)")) }
            }
            try await group.waitForAll()
        }
        #expect(first.maxInFlight == 1 && second.maxInFlight == 1, "one request at a time on each server")
        #expect(first.requests.count == 2 && second.requests.count == 2, "least outstanding: the servers share the work")
    }
}
