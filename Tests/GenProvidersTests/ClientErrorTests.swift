import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// Failures a user must be able to act on: server down, wrong URL, bad key, broken answers.
@Suite struct ClientErrorTests {
    @Test func connectionRefusedFailsAtOnceNamingTheURLAndTheFix() async throws {
        let port = try StubHTTPServer.unusedPort()
        let url = "http://127.0.0.1:\(port)/v1"
        let sleeper = RecordingSleeper()
        let client = try StubClients.client(baseURL: url, maxAttempts: 5, sleeper: sleeper)
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        #expect(error == .unreachable(url: url, reason: "connection refused",
                                      hint: "Start it with `scripts/llm-server.sh start` or set GEN_LLM_URL."))
        #expect(error?.description == "cannot reach the model server at \(url) (connection refused). "
            + "Start it with `scripts/llm-server.sh start` or set GEN_LLM_URL.")
        #expect(error?.stopsRun == true)
        #expect(await sleeper.waits.isEmpty, "a server that never answered is not worth backing off for")
    }

    @Test func refusalAfterTheServerHasAnsweredIsRetried() async throws {
        let server = try StubHTTPServer(responses: [StubClients.ok])
        let sleeper = RecordingSleeper()
        let client = try StubClients.client(baseURL: server.baseURL, maxAttempts: 3, sleeper: sleeper)
        _ = try await client.chat(StubClients.request())
        server.stop()  // the server goes away mid-run, as in a restart
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        #expect(error?.stopsRun == true)
        #expect(await sleeper.waits.count == 2)
    }

    @Test func remoteUnreachableHintDoesNotSuggestTheLocalScript() async throws {
        let client = try StubClients.client(baseURL: "http://gen-no-such-host.invalid/v1", maxAttempts: 1)
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        guard case .unreachable(_, _, let hint)? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(hint == "Check the URL and the network, or set GEN_LLM_URL.")
    }

    @Test func unreachableHintNamesTheVariableTheScriptReadsOrTheScriptItself() async throws {
        let port = try StubHTTPServer.unusedPort()
        for (variable, fix) in [("GEN_EMBED_URL", "set GEN_EMBED_URL"), (nil, "change the model's base_url in the script")] {
            let client = try StubClients.client(baseURL: "http://127.0.0.1:\(port)/v1", maxAttempts: 1, urlVariable: variable)
            let error = await #expect(throws: LLMError.self) { try await client.embed(["x"], model: "m") }
            guard case .unreachable(_, _, let hint)? = error else {
                Issue.record("expected unreachable, got \(String(describing: error))")
                continue
            }
            #expect(hint == "Start it with `scripts/llm-server.sh start` or \(fix).")
        }
    }

    @Test(arguments: ["ftp://127.0.0.1/v1", "127.0.0.1:8080/v1", "", "not a url", "http:///v1", "https://:8080/v1"])
    func nonHTTPBaseURLIsRejectedWhenTheClientIsMade(_ url: String) throws {
        #expect(throws: LLMError.invalidURL(url: url)) { try StubClients.client(baseURL: url) }
    }

    @Test func unauthorizedNamesTheKeyVariableAndStopsTheRun() async throws {
        let server = try StubHTTPServer(responses: [.json(.object(["error": .object(["message": .string("Incorrect API key provided")])]), status: 401)])
        defer { server.stop() }
        let client = try StubClients.client(baseURL: server.baseURL, apiKeyVariable: "GEN_TEST_KEY", environment: ["GEN_TEST_KEY": "sk-test-123456"])
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        #expect(error?.stopsRun == true)
        #expect(error?.description.contains("Check the key in GEN_TEST_KEY") == true)
        #expect(server.requests.count == 1)
    }

    @Test func notFoundPointsAtTheBaseURL() async throws {
        let server = try StubHTTPServer(responses: [.json(.object(["detail": .string("Not Found")]), status: 404)])
        defer { server.stop() }
        let error = await #expect(throws: LLMError.self) { try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request()) }
        #expect(error == .notFound(url: server.baseURL, path: "/chat/completions", serverMessage: "Not Found"))
        #expect(error?.description.contains("ends with /v1") == true)
    }

    @Test func truncatedJSONBodyIsAClearMalformedResponse() async throws {
        let server = try StubHTTPServer(responses: [.text(#"{"choices": [{"message": {"content": "hi"#)])
        defer { server.stop() }
        let error = await #expect(throws: LLMError.self) { try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request()) }
        guard case .malformedResponse(let url, let reason)? = error else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
            return
        }
        #expect(url == server.baseURL)
        #expect(reason.contains("truncated JSON: missing `\"}}]}`"))
        #expect(server.requests.count == 1)
    }

    @Test(arguments: [
        ("", "the body is empty"),
        ("<html>proxy error</html>", "the body is not valid JSON (starts with `<html>proxy error</html>`)"),
        (#"{"object": "list"}"#, "no `choices` in the chat completion"),
        (#"{"choices": [{"text": "legacy completion"}]}"#, "the first choice has no `message`"),
        (#"{"choices": [{"message": {"content": 42}}]}"#, "`message.content` is not a string"),
    ])
    func answersThatAreNotChatCompletionsAreRejectedWithTheReason(_ body: String, _ reason: String) async throws {
        let server = try StubHTTPServer(responses: [.text(body)])
        defer { server.stop() }
        let error = await #expect(throws: LLMError.self) { try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request()) }
        #expect(error == .malformedResponse(url: server.baseURL, reason: reason))
    }

    @Test func missingKeyVariableIsReportedWhenTheClientIsMade() {
        #expect(throws: LLMError.missingAPIKey(variable: "GEN_ABSENT_KEY")) {
            try StubClients.client(baseURL: "http://127.0.0.1:1/v1", apiKeyVariable: "GEN_ABSENT_KEY", environment: [:])
        }
    }
}

/// The preflight check a run makes before spending tokens.
@Suite struct ListModelsTests {
    @Test func listedModelIDsAreReturned() async throws {
        let body: JSONValue = .object(["object": .string("list"), "data": .array([
            .object(["id": .string("smollm2"), "object": .string("model")]),
            .object(["id": .string("smollm2-embed"), "object": .string("model")]),
        ])])
        let server = try StubHTTPServer(responses: [.json(body)])
        defer { server.stop() }
        #expect(try await StubClients.client(baseURL: server.baseURL).listModels() == ["smollm2", "smollm2-embed"])
        #expect(server.requests.first?.method == "GET")
        #expect(server.requests.first?.path == "/v1/models")
    }

    @Test func aServerThatIsNotOpenAICompatibleIsNamedAsSuch() async throws {
        let server = try StubHTTPServer(responses: [.text("<html>It works!</html>")])
        defer { server.stop() }
        let error = await #expect(throws: LLMError.self) { try await StubClients.client(baseURL: server.baseURL).listModels() }
        #expect(error?.description.contains("Is the base URL an OpenAI-compatible /v1 endpoint?") == true)
    }

    @Test func aMissingServerStopsTheRunBeforeAnyTokenIsSpent() async throws {
        let url = "http://127.0.0.1:\(try StubHTTPServer.unusedPort())/v1"
        let error = await #expect(throws: LLMError.self) { try await StubClients.client(baseURL: url).listModels() }
        #expect(error?.stopsRun == true)
    }
}
