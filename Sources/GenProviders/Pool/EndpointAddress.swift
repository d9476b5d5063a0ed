/// One base URL of a model (`http://host:8080/v1`), how its endpoints' URLs are formed, and how it is shown.
public struct EndpointAddress: Sendable, Hashable {
    public let baseURL: String

    public init(_ baseURL: String) {
        self.baseURL = baseURL
    }

    /// The base URL's path part without trailing slashes, and its query string (a key some services take there).
    private var parts: (base: String, query: String?) {
        let pieces = baseURL.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var base = String(pieces[0])
        while base.hasSuffix("/") { base.removeLast() }
        return (base, pieces.count > 1 ? String(pieces[1]) : nil)
    }

    /// The base URL as shown in messages: every query value redacted, since a key may travel there.
    public var display: String {
        let (base, query) = parts
        guard let query, !query.isEmpty else { return base }
        let redacted = query.split(separator: "&").map { pair in
            pair.split(separator: "=", maxSplits: 1).first.map { "\($0)=<redacted>" } ?? "<redacted>"
        }
        return base + "?" + redacted.joined(separator: "&")
    }

    /// The URL of an endpoint: the path goes before the query (`/models` was appended after it).
    public func url(_ path: String) -> String {
        let (base, query) = parts
        return base + "/" + path + (query.map { "?" + $0 } ?? "")
    }

    /// Whether the server runs on this machine (hints then say how to start the local one).
    var isLocal: Bool {
        ["127.0.0.1", "localhost", "[::1]"].contains { display.contains("://\($0)") }
    }
}
