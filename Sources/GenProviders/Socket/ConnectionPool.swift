/// Idle keep-alive connections of one socket transport, by `host:port`, and the opening of new ones.
/// Touched on the event loop's thread only.
final class ConnectionPool: @unchecked Sendable {
    private let loop: EventLoop
    /// Idle connections kept per server; more are closed when they finish.
    private let maxIdlePerServer: Int
    private var idle: [String: [SocketConnection]] = [:]
    private var isClosed = false

    init(loop: EventLoop, maxIdlePerServer: Int) {
        self.loop = loop
        self.maxIdlePerServer = max(1, maxIdlePerServer)
    }

    /// Sends `exchange` on an idle connection to its server, or on a new one.
    func start(_ exchange: HTTPExchange) {
        guard !exchange.isFinished else { return }
        // The most recently used first: the least likely to have been closed by the server meanwhile.
        while let connection = idle[exchange.key]?.popLast() {
            if connection.isAlive { return connection.begin(exchange, reused: true) }
            connection.close()
        }
        open(exchange)
    }

    /// Sends `exchange` on a new connection.
    func open(_ exchange: HTTPExchange) {
        guard !exchange.isFinished else { return }
        switch SocketConnection.open(for: exchange, loop: loop, pool: self) {
        case .success(let connection): connection.begin(exchange, reused: false)
        case .failure(let failure): connectFailed(exchange, failure)
        }
    }

    /// A connection could not be opened: the server's next address is tried (a host name may have several),
    /// or the request fails.
    func connectFailed(_ exchange: HTTPExchange, _ failure: TransportFailure) {
        guard !exchange.isFinished else { return }
        if exchange.addressIndex + 1 < exchange.addresses.count {
            exchange.addressIndex += 1
            return open(exchange)
        }
        exchange.finish(.failure(failure))
    }

    /// Takes back a connection whose request is done.
    func release(_ connection: SocketConnection) {
        guard !isClosed, idle[connection.key, default: []].count < maxIdlePerServer else { return connection.close() }
        idle[connection.key, default: []].append(connection)
    }

    /// Drops an idle connection the server closed.
    func forget(_ connection: SocketConnection) {
        idle[connection.key]?.removeAll { $0 === connection }
    }

    /// Closes every idle connection; those busy now close when their request is done.
    func closeAll() {
        isClosed = true
        for connection in idle.values.joined() { connection.close() }
        idle = [:]
    }
}
