import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// A server that answers with more than any sample could need is cut off (issue 17: no cap on response size).
@Suite struct ResponseSizeTests {
    @Test func anAnswerOverTheLimitIsAMalformedResponseNotAMemoryHog() async throws {
        let huge = Data(repeating: UInt8(ascii: "a"), count: 40 << 20)
        let server = try StubHTTPServer(responses: [StubResponse(status: 200, headers: ["content-type": "application/json"], body: huge)])
        defer { server.stop() }
        let client = try StubClients.client(baseURL: server.baseURL, maxAttempts: 1)
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request()) }
        guard case .malformedResponse(_, let reason)? = error else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
            return
        }
        #expect(reason == "the answer grew past 32 MB; Gen stopped reading it")
        #expect(error?.stopsRun == false)  // one slot's rejection, not the run's end
    }
}
