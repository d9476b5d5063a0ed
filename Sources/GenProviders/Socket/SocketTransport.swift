import Foundation

/// HTTP/1.1 over plain TCP sockets on the shared `EventLoop`: keep-alive connections per server, timeouts
/// enforced by the loop's timers, cancellation that closes the request's connection at once.
///
/// For `http://` servers only (a local model server, a fleet inside a cluster); `https://` goes through
/// URLSession, which brings TLS. See `EventLoop` for why this exists.
struct SocketTransport: Sendable {
    private let owner: PoolOwner

    /// nil when the process has no event loop (epoll refused).
    init?(maxIdlePerServer: Int) {
        guard let loop = EventLoop.shared else { return nil }
        owner = PoolOwner(loop: loop, pool: ConnectionPool(loop: loop, maxIdlePerServer: maxIdlePerServer))
    }

    /// One request, failing with `TransportFailure.timedOut` when no full answer arrived within `timeout` seconds.
    func send(
        _ method: String, to url: URL, body: Data?, headers: [String: String], timeout: Double, maxResponseBytes: Int
    ) async throws -> HTTPReply {
        guard let rawHost = url.host, !rawHost.isEmpty else { throw TransportFailure.badURL }
        let host = rawHost.hasPrefix("[") ? String(rawHost.dropFirst().dropLast()) : rawHost
        let key = "\(host):\(url.port ?? 80)"
        let addresses = try await AddressResolver.resolve(host: host, port: url.port ?? 80)
        let exchange = HTTPExchange(
            requestBytes: HTTPRequestBytes.make(method: method, url: url, headers: headers, body: body),
            key: key, addresses: addresses, bodyLimit: maxResponseBytes)
        let deadline = EventLoop.now + UInt64(max(0, timeout) * 1e9)
        let loop = owner.loop, pool = owner.pool
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPReply, Error>) in
                loop.execute {
                    guard exchange.attach(continuation) else { return }
                    loop.schedule(at: deadline) { [weak exchange] in exchange?.abandon(with: TransportFailure.timedOut) }
                    pool.start(exchange)
                }
            }
        } onCancel: {
            loop.execute { exchange.abandon(with: CancellationError()) }
        }
    }
}

/// Closes the pool's idle connections when the last copy of its transport goes away.
private final class PoolOwner: Sendable {
    let loop: EventLoop
    let pool: ConnectionPool

    init(loop: EventLoop, pool: ConnectionPool) {
        self.loop = loop
        self.pool = pool
    }

    deinit {
        loop.execute { [pool] in pool.closeAll() }
    }
}
