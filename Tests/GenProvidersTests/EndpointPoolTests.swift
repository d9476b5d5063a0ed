import Foundation
import Synchronization
import Testing
@testable import GenProviders
import GenTestSupport

/// A model served by several endpoints: balancing, failover, circuit breakers, health checks and the per-endpoint
/// figures, against real sockets (stub servers and ports nothing listens on).
@Suite struct EndpointPoolTests {
    static let ok = StubResponse.json(OpenAIStubBodies.chatCompletion("ok"))

    @Test func requestsFailOverFromAServerThatRefusesConnections() async throws {
        let live = try StubHTTPServer(responses: [Self.ok])
        defer { live.stop() }
        let dead = "http://127.0.0.1:\(try StubHTTPServer.unusedPort())/v1"
        let client = try StubClients.client(baseURL: dead, pool: [dead, live.baseURL])
        for index in 0..<6 {
            let response = try await client.chat(StubClients.request("request \(index)"))
            #expect(response.endpoint == live.baseURL)
        }
        let traffic = await client.traffic()
        #expect(traffic.map(\.endpoint) == [dead, live.baseURL])
        #expect(traffic[0].connectionFailures == 1 && traffic[0].answered == 0, "the first refusal opened its circuit")
        #expect(traffic[0].circuitOpenings == 1 && traffic[0].failovers == 1)
        #expect(traffic[1].answered == 6 && traffic[1].failures == 0)
        #expect(live.requests.count == 6, "nothing was sent twice")
    }

    @Test func aServerFailingWith5xxLeavesTheRotationAfterThreeFailures() async throws {
        let failing = try StubHTTPServer(responses: [.json(.object(["error": .object(["message": .string("overloaded")])]), status: 503)])
        let live = try StubHTTPServer(responses: [Self.ok])
        defer { failing.stop(); live.stop() }
        let client = try StubClients.client(baseURL: failing.baseURL, pool: [failing.baseURL, live.baseURL])
        for index in 0..<12 { _ = try await client.chat(StubClients.request("request \(index)")) }
        let traffic = await client.traffic()
        #expect(traffic[0].serverErrors == 3, "closed until the third failure in a row, then out (its health checks fail too)")
        #expect(traffic[0].circuitOpenings == 1 && traffic[0].failovers == 3)
        #expect(traffic[1].answered == 12)
        #expect((traffic[0].lowestConcurrencyLimit ?? 4) < 4, "5xx also cut the failing server's concurrency")
    }

    @Test func aServerThatRecoversIsTakenBackAfterAHealthCheck() async throws {
        let broken = Atomic<Bool>(true)
        let flaky = try StubHTTPServer { request, _ in
            broken.load(ordering: .relaxed)
                ? .json(.object(["error": .object(["message": .string("down")])]), status: 500)
                : StubModelServer.answer(request)
        }
        let live = try StubHTTPServer(responses: [Self.ok])
        defer { flaky.stop(); live.stop() }
        let client = try StubClients.client(baseURL: flaky.baseURL, pool: [flaky.baseURL, live.baseURL])
        for index in 0..<4 { _ = try await client.chat(StubClients.request("before \(index)")) }
        #expect(await client.traffic()[0].circuitOpenings == 1)
        broken.store(false, ordering: .relaxed)
        // The cooldown is a second; then a request finds the check due, and once it answers the server is back.
        // The deadline only ends a regression; it is long because a starved test process can sleep through minutes.
        let deadline = Date().addingTimeInterval(180)
        var answeredThere = 0
        while answeredThere == 0, Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
            _ = try await client.chat(StubClients.request("after"))
            answeredThere = await client.traffic()[0].answered
        }
        #expect(answeredThere > 0, "the recovered server gets requests again")
        #expect(flaky.requests.contains { $0.route.hasSuffix("/models") }, "it came back through a health check")
    }

    @Test func aPoolWhereNothingRunsStopsAtOnceNamingTheServer() async throws {
        let first = "http://127.0.0.1:\(try StubHTTPServer.unusedPort())/v1"
        let second = "http://127.0.0.1:\(try StubHTTPServer.unusedPort())/v1"
        let client = try StubClients.client(baseURL: first, maxAttempts: 10, pool: [first, second])
        await #expect {
            _ = try await client.chat(StubClients.request())
        } throws: { error in
            guard case LLMError.unreachable(_, let reason, let hint)? = error as? LLMError else { return false }
            return reason == "connection refused" && hint.contains("llm-server.sh")
        }
        let traffic = await client.traffic()
        #expect(traffic.allSatisfy { $0.connectionFailures == 1 }, "each server was tried once, no backoff loop")
    }

    @Test func theStartUpCheckSkipsADeadServerButFailsWhenAllAreDown() async throws {
        let live = try StubHTTPServer { request, _ in StubModelServer.answer(request) }
        defer { live.stop() }
        let dead = "http://127.0.0.1:\(try StubHTTPServer.unusedPort())/v1"
        let client = try StubClients.client(baseURL: dead, pool: [dead, live.baseURL])
        #expect(try await client.listModels() == ["smollm2"])
        let traffic = await client.traffic()
        #expect(traffic[0].connectionFailures == 1 && traffic[0].circuitOpenings == 1)
        let response = try await client.chat(StubClients.request())
        #expect(response.endpoint == live.baseURL && live.requests.filter { $0.route.hasSuffix("/chat/completions") }.count == 1)

        let allDead = try StubClients.client(baseURL: dead, pool: [dead, "http://127.0.0.1:\(try StubHTTPServer.unusedPort())/v1"])
        await #expect(throws: LLMError.self) { _ = try await allDead.listModels() }
    }

    @Test func a429PausesItsServerAndCutsItsLimitWhileTheOtherServes() async throws {
        let limited = try StubHTTPServer { request, index in
            index == 0
                ? .json(.object(["error": .object(["message": .string("slow down")])]), status: 429, headers: ["Retry-After": "3600"])
                : StubModelServer.answer(request)
        }
        let live = try StubHTTPServer(responses: [Self.ok])
        defer { limited.stop(); live.stop() }
        // An hour, not seconds: a test process starved of CPU (CI ran this 130 s in) must not outlive the pause.
        let client = try StubClients.client(
            baseURL: limited.baseURL, pool: [limited.baseURL, live.baseURL], maxRetryAfter: .seconds(7200))
        for index in 0..<6 { _ = try await client.chat(StubClients.request("request \(index)")) }
        let traffic = await client.traffic()
        #expect(traffic[0].requests == 1 && traffic[0].rateLimited == 1, "Retry-After: 3600 keeps the server out for the rest")
        #expect((traffic[0].lowestConcurrencyLimit ?? 4) < 4, "the 429 cut its limit")
        #expect(traffic[1].answered == 6)
    }

    /// A Retry-After longer than the client will wait pauses the endpoint only as long as the client waits:
    /// a pool of one is not parked for a day. (The limit turns a regression into a failure, not a hang.)
    @Test(.timeLimit(.minutes(5))) func aRetryAfterBeyondTheClientsCeilingPausesOnlyToTheCeiling() async throws {
        let limited = try StubHTTPServer { request, index in
            index == 0
                ? .json(.object(["error": .object(["message": .string("slow down")])]), status: 429, headers: ["Retry-After": "86400"])
                : StubModelServer.answer(request)
        }
        defer { limited.stop() }
        let sleeper = RecordingSleeper()
        let client = try StubClients.client(baseURL: limited.baseURL, sleeper: sleeper, maxRetryAfter: .milliseconds(300))
        let response = try await client.chat(StubClients.request())
        #expect(response.attempts == 2)
        #expect(await sleeper.waits.map { ($0.seconds * 1000).rounded() } == [300], "the client's own wait is cut to its ceiling")
        #expect(limited.requests.count == 2)
    }

    /// `rpm:` paces requests: 120 a minute is one every half second after the bucket's first second's worth.
    /// (A lower bound on time only: a slow machine can make it slower, never faster.)
    @Test func aDeclaredRequestRateSpacesTheRequests() async throws {
        let server = try StubHTTPServer(responses: [Self.ok])
        defer { server.stop() }
        let configuration = ClientConfiguration(
            baseURL: server.baseURL, timeout: 5, retry: RetryPolicy(maxAttempts: 1), requestsPerMinute: 120)
        let client = try OpenAICompatibleClient(configuration: configuration, environment: [:])
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<5 { group.addTask { _ = try await client.chat(StubClients.request("request \(index)")) } }
            try await group.waitForAll()
        }
        #expect(ContinuousClock.now - started >= .milliseconds(1400), "two at once, then three half a second apart")
        #expect(server.requests.count == 5)
    }

    @Test func aKeyInAPoolURLNeverReachesTheFigures() async throws {
        let live = try StubHTTPServer(responses: [Self.ok])
        defer { live.stop() }
        let keyed = live.baseURL + "?key=sk-secret-123"
        let client = try StubClients.client(baseURL: keyed, pool: [keyed, live.baseURL])
        _ = try await client.chat(StubClients.request())
        let shown = await client.traffic().map(\.endpoint).joined(separator: " ")
        #expect(!shown.contains("sk-secret-123") && shown.contains("key=<redacted>"))
    }
}
