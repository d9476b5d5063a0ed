import Testing
import GenCore
import GenTestSupport
@testable import GenProviders

/// A key in a `base_url` query string was printed in errors, and `/models` was appended after the query.
@Suite struct QueryKeyURLTests {
    @Test func thePathGoesBeforeTheQueryAndMessagesHideItsValues() async throws {
        let server = try StubHTTPServer { _, _ in .json(.object(["detail": .string("Not Found")]), status: 404) }
        defer { server.stop() }
        let client = try StubClients.client(baseURL: server.baseURL + "/?api-key=sekret-0123456789")
        do {
            _ = try await client.listModels()
            Issue.record("the stub answers 404")
        } catch {
            #expect(!"\(error)".contains("sekret-0123456789"), "\(error)")
            #expect("\(error)".contains("?api-key=<redacted>"), "\(error)")
        }
        #expect(server.requests.first?.path == "/v1/models?api-key=sekret-0123456789", "\(server.requests.map(\.path))")
        #expect(client.redactedBaseURL == server.baseURL + "?api-key=<redacted>")
    }
}
