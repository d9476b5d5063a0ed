import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// API keys come from the environment, reach the server, and never appear in errors or descriptions,
/// even when a server echoes them back.
@Suite struct SecretHandlingTests {
    static let key = "sk-live-SECRET-0123456789abcdef"
    static let environment = ["GEN_TEST_KEY": key]

    /// A server that quotes the Authorization header in its error message, as some proxies do.
    static func echoingServer(status: Int) throws -> StubHTTPServer {
        try StubHTTPServer { request, _ in
            let echoed = request.header("Authorization") ?? "none"
            return .json(.object(["error": .object(["message": .string("rejected credentials: \(echoed)")])]), status: status)
        }
    }

    @Test func theKeyIsSentAsABearerToken() async throws {
        let server = try StubHTTPServer(responses: [StubClients.ok])
        defer { server.stop() }
        _ = try await StubClients.client(baseURL: server.baseURL, apiKeyVariable: "GEN_TEST_KEY", environment: Self.environment).chat(StubClients.request())
        #expect(server.requests.first?.header("Authorization") == "Bearer \(Self.key)")
    }

    @Test(arguments: [400, 401, 403, 404, 422, 500, 503])
    func errorsNeverCarryTheKey(status: Int) async throws {
        let server = try Self.echoingServer(status: status)
        defer { server.stop() }
        let client = try StubClients.client(baseURL: server.baseURL, maxAttempts: 2, apiKeyVariable: "GEN_TEST_KEY", environment: Self.environment)
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        let rendered = [String(describing: error), "\(String(reflecting: error))", error?.localizedDescription ?? ""]
        for text in rendered {
            #expect(!text.contains(Self.key))
        }
        #expect(error?.description.contains("Bearer <redacted>") == true, "the echo is kept, the key is not")
    }

    @Test func aKeyInTheURLIsRedactedFromMessages() async throws {
        let port = try StubHTTPServer.unusedPort()
        let client = try StubClients.client(baseURL: "http://127.0.0.1:\(port)/v1?api-key=\(Self.key)",
                                            apiKeyVariable: "GEN_TEST_KEY", environment: Self.environment)
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        #expect(error?.description.contains(Self.key) == false)
        #expect(error?.description.contains("<redacted>") == true)
    }

    @Test func clientAndConfigurationDescriptionsHoldNoKey() throws {
        let client = try StubClients.client(baseURL: "http://127.0.0.1:1/v1", apiKeyVariable: "GEN_TEST_KEY", environment: Self.environment)
        var dumped = ""
        dump(client, to: &dumped)
        for text in [String(describing: client), String(reflecting: client), dumped, String(describing: client.configuration)] {
            #expect(!text.contains(Self.key))
        }
    }

    /// The message is cut at 600 characters before the key is redacted: the cut fell inside the second echo, and the
    /// first echo ends in a combining mark (a different last grapheme, which `replacingOccurrences` did not match).
    @Test func anEchoedKeyIsRedactedByItsBytesAndWhenTheMessageCutsIt() async throws {
        let server = try StubHTTPServer { request, _ in
            let echoed = request.header("Authorization") ?? "none"
            let message = "\(echoed)\u{301} and " + String(repeating: "x", count: 531) + echoed
            return .json(.object(["error": .object(["message": .string(message)])]), status: 400)
        }
        defer { server.stop() }
        let client = try StubClients.client(baseURL: server.baseURL, maxAttempts: 1, apiKeyVariable: "GEN_TEST_KEY", environment: Self.environment)
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        let bytes = Data((error?.description ?? "").utf8)
        #expect(bytes.range(of: Data(Self.key.utf8.prefix(16))) == nil, "\(error?.description ?? "")")
        #expect(error?.description.contains("Bearer <redacted>\u{301} and") == true)
    }
}
