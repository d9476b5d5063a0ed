import Foundation
import GenCore

/// One HTTP request as the stub server received it.
public struct StubRequest: Sendable {
    public var method: String
    public var path: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, headers: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The body parsed as JSON, or nil.
    public var json: JSONValue? { CanonicalJSON.parse(String(decoding: body, as: UTF8.self)) }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The path without its query string (a base URL may carry `?key=...`).
    public var route: String { String(path.split(separator: "?", maxSplits: 1).first ?? "") }
}
