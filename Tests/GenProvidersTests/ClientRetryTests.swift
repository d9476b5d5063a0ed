import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// Retries through a real socket: what is retried, how long the client waits, when it gives up.
@Suite struct ClientRetryTests {
    @Test func serverErrorThenSuccessIsRetried() async throws {
        let server = try StubHTTPServer(responses: [.text("overloaded", status: 500), StubClients.ok])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let response = try await StubClients.client(baseURL: server.baseURL, sleeper: sleeper).chat(StubClients.request())
        #expect(response.text == "hello")
        #expect(response.attempts == 2)
        #expect(server.requests.count == 2)
        #expect(await sleeper.waits == [.milliseconds(100)])
    }

    @Test func retryAfterOn429IsHonoured() async throws {
        let server = try StubHTTPServer(responses: [
            .text("slow down", status: 429, headers: ["Retry-After": "3"]),
            StubClients.ok,
        ])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let response = try await StubClients.client(baseURL: server.baseURL, sleeper: sleeper).chat(StubClients.request())
        #expect(response.attempts == 2)
        // The backoff alone would be 0.1 s; the server asked for 3 s.
        #expect(await sleeper.waits == [.seconds(3)])
    }

    @Test func persistent429EndsInRateLimitedError() async throws {
        let server = try StubHTTPServer(responses: [.text("slow down", status: 429)])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: LLMError.self) {
            try await StubClients.client(baseURL: server.baseURL, maxAttempts: 3, sleeper: sleeper).chat(StubClients.request())
        }
        #expect(error == .rateLimited(url: server.baseURL, attempts: 3))
        #expect(server.requests.count == 3)
    }

    @Test func backoffDoublesBetweenAttemptsUntilGivingUp() async throws {
        let server = try StubHTTPServer(responses: [.json(.object(["error": .object(["message": .string("model crashed")])]), status: 503)])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: LLMError.self) {
            try await StubClients.client(baseURL: server.baseURL, maxAttempts: 4, sleeper: sleeper).chat(StubClients.request())
        }
        #expect(error == .serverError(url: server.baseURL, status: 503, serverMessage: "model crashed", attempts: 4))
        #expect(await sleeper.waits == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(server.requests.count == 4)
    }

    @Test func stallPastTheTimeoutIsRetried() async throws {
        let server = try StubHTTPServer(responses: [
            StubResponse.json(OpenAIStubBodies.chatCompletion("late"), delay: .seconds(3)),
            StubClients.ok,
        ])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL, timeout: 0.5).chat(StubClients.request())
        #expect(response.text == "hello")
        #expect(response.attempts == 2)
    }

    /// FoundationNetworking truncates timeouts to whole seconds (0.5 s fails at once); the client must not.
    @Test func answerWithinASubSecondTimeoutIsAccepted() async throws {
        // 0.9 s is truncated to 0 by FoundationNetworking; the 100 ms answer leaves room for a loaded machine
        // (with 200 ms inside 0.5 s, the parallel test run timed the first attempt out).
        let server = try StubHTTPServer(responses: [StubResponse.json(OpenAIStubBodies.chatCompletion("in time"), delay: .milliseconds(100))])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL, timeout: 0.9).chat(StubClients.request())
        #expect(response.text == "in time")
        #expect(response.attempts == 1)
    }

    @Test func stallOnEveryAttemptEndsInTimeoutError() async throws {
        let server = try StubHTTPServer(responses: [StubResponse.json(OpenAIStubBodies.chatCompletion("late"), delay: .seconds(3))])
        defer { server.stop() }
        let error = await #expect(throws: LLMError.self) {
            try await StubClients.client(baseURL: server.baseURL, maxAttempts: 2, timeout: 0.5).chat(StubClients.request())
        }
        #expect(error == .timeout(url: server.baseURL, seconds: 0.5, attempts: 2))
        #expect(error?.description.contains("did not answer within 0.5 s") == true)
    }

    @Test func connectionClosedMidBodyIsRetried() async throws {
        var cut = StubClients.ok
        cut.closeAfterBodyBytes = 20
        let server = try StubHTTPServer(responses: [cut, StubClients.ok])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request())
        #expect(response.text == "hello")
        #expect(response.attempts == 2)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try StubHTTPServer(responses: [.json(.object(["error": .object(["message": .string("messages must not be empty")])]), status: 400)])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let error = await #expect(throws: LLMError.self) {
            try await StubClients.client(baseURL: server.baseURL, sleeper: sleeper).chat(StubClients.request())
        }
        #expect(error == .badRequest(url: server.baseURL, status: 400, serverMessage: "messages must not be empty"))
        #expect(error?.stopsRun == false)
        #expect(server.requests.count == 1)
        #expect(await sleeper.waits.isEmpty)
    }

    @Test func jitteredWaitsStayWithinTheirBoundsAndRepeatPerSeed() async throws {
        func waits() async throws -> [Duration] {
            let server = try StubHTTPServer(responses: [.text("down", status: 502)])
            defer { server.stop() }
            let sleeper = RecordingSleeper()
            _ = try? await StubClients.client(baseURL: server.baseURL, maxAttempts: 4, jitter: 0.5, sleeper: sleeper).chat(StubClients.request())
            return await sleeper.waits
        }
        let first = try await waits()
        #expect(first.count == 3)
        for (index, wait) in first.enumerated() {
            let full = Duration.milliseconds(100 * (1 << index))
            #expect(wait <= full && wait >= full / 2)
        }
        #expect(try await waits() == first)
    }
}
