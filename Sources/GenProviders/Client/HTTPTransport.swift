import Foundation

/// A raw HTTP answer: status, headers (lower-cased names) and body.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why no HTTP answer arrived, in the terms the retry logic needs.
enum TransportFailure: Error, Sendable {
    /// Nothing listens at the address.
    case refused
    /// The host name does not resolve.
    case unknownHost
    case timedOut
    /// The connection broke before a full answer arrived.
    case connectionLost(String)
    /// The URL cannot be requested at all.
    case badURL
    /// The body grew past the transport's limit; the request was cancelled so it cannot fill memory.
    case responseTooLarge(limit: Int)
}

/// Sends HTTP requests: `http://` servers over the socket transport (one event-loop thread, a few system calls
/// per request), `https://` ones over URLSession, which brings TLS. An `http://` request that a proxy in the
/// environment takes (`ProxyEnvironment`) goes over URLSession too, whose libcurl speaks to the proxy.
/// `GEN_HTTP_TRANSPORT=urlsession` sends everything through URLSession, to tell the transports apart when a
/// server misbehaves.
struct HTTPTransport: Sendable {
    private let sockets: SocketTransport?
    private let session: URLSessionTransport
    private let proxy = ProxyEnvironment()
    /// No model answer is this large (a sample is kept to 64 KB); a server streaming gigabytes is cut off.
    static let defaultMaxResponseBytes = 32 << 20

    init(timeout: Double, maxConnections: Int, useSockets: Bool = HTTPTransport.socketsWanted) {
        sockets = useSockets ? SocketTransport(maxIdlePerServer: maxConnections) : nil
        session = URLSessionTransport(timeout: timeout, maxConnections: maxConnections)
    }

    /// Whether `http://` goes over sockets: yes unless the environment says `GEN_HTTP_TRANSPORT=urlsession`.
    static var socketsWanted: Bool {
        ProcessInfo.processInfo.environment["GEN_HTTP_TRANSPORT"]?.lowercased() != "urlsession"
    }

    /// One request, failing with `TransportFailure.timedOut` when no full answer arrived within `timeout` seconds.
    func send(_ method: String, to url: URL, body: Data?, headers: [String: String], timeout: Double) async throws -> HTTPReply {
        if let sockets, url.scheme?.lowercased() == "http", !proxy.proxies(url) {
            return try await sockets.send(
                method, to: url, body: body, headers: headers, timeout: timeout, maxResponseBytes: Self.defaultMaxResponseBytes)
        }
        return try await session.send(method, to: url, body: body, headers: headers, timeout: timeout)
    }
}
