import Foundation
import GenCore

/// What the stub server does with one request: wait, then answer (or break the connection).
public struct StubResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    /// Time to wait before sending anything (a slow or stalled server).
    public var delay: Duration
    /// When set, send the headers (with the full Content-Length) and only this many body bytes, then close.
    public var closeAfterBodyBytes: Int?

    public init(status: Int = 200, headers: [String: String] = [:], body: Data = Data(), delay: Duration = .zero, closeAfterBodyBytes: Int? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.closeAfterBodyBytes = closeAfterBodyBytes
    }

    /// A response with a JSON body.
    public static func json(_ value: JSONValue, status: Int = 200, headers: [String: String] = [:], delay: Duration = .zero) -> StubResponse {
        text(CanonicalJSON.string(value), status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, delay: delay)
    }

    /// A response with a text body sent as is (for malformed or truncated JSON).
    public static func text(_ body: String, status: Int = 200, headers: [String: String] = [:], delay: Duration = .zero) -> StubResponse {
        StubResponse(status: status, headers: headers, body: Data(body.utf8), delay: delay)
    }
}
