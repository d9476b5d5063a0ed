import Foundation

/// One request on the socket transport, from hand-over to answer. Touched on the event loop's thread only;
/// it resumes its caller exactly once, with the first of answer, failure, timeout or cancellation.
final class HTTPExchange: @unchecked Sendable {
    let requestBytes: [UInt8]
    /// `host:port`: which idle connections may carry it.
    let key: String
    let addresses: [SocketAddress]
    /// The address being tried; a refused one moves on to the next.
    var addressIndex = 0
    let bodyLimit: Int
    /// The connection carrying it, while one does.
    weak var connection: SocketConnection?

    private var continuation: CheckedContinuation<HTTPReply, Error>?
    private var earlyOutcome: Result<HTTPReply, Error>?
    private(set) var isFinished = false

    init(requestBytes: [UInt8], key: String, addresses: [SocketAddress], bodyLimit: Int) {
        self.requestBytes = requestBytes
        self.key = key
        self.addresses = addresses
        self.bodyLimit = bodyLimit
    }

    /// Whether to send it: false when it ended before it started (cancelled), in which case the caller has
    /// been answered already.
    func attach(_ continuation: CheckedContinuation<HTTPReply, Error>) -> Bool {
        if let earlyOutcome {
            continuation.resume(with: earlyOutcome)
            return false
        }
        self.continuation = continuation
        return true
    }

    func finish(_ outcome: Result<HTTPReply, Error>) {
        guard !isFinished else { return }
        isFinished = true
        connection = nil
        guard let waiting = continuation else {
            earlyOutcome = outcome
            return
        }
        continuation = nil
        waiting.resume(with: outcome)
    }

    /// Ends it from outside its connection (a timeout or a cancellation): the connection, halfway through
    /// this request, can carry no other and is closed.
    func abandon(with error: Error) {
        guard !isFinished else { return }
        let carrier = connection
        finish(.failure(error))
        carrier?.abandon()
    }
}

/// The bytes of an HTTP/1.1 request: request line, headers, body.
enum HTTPRequestBytes {
    static func make(method: String, url: URL, headers: [String: String], body: Data?) -> [UInt8] {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var target = components?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(hostHeader(url))\r\nUser-Agent: gen\r\n"
        if let body { head += "Content-Length: \(body.count)\r\n" }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            // A header value can never end the line early, whatever a key or a script holds.
            head += "\(clean(name)): \(clean(value))\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if let body { bytes.append(contentsOf: body) }
        return bytes
    }

    static func hostHeader(_ url: URL) -> String {
        let host = url.host ?? ""
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return url.port.map { "\(shown):\($0)" } ?? shown
    }

    private static func clean(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }
}
