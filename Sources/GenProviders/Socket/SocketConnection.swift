import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to a model server, carrying one request at a time and kept open between them
/// (keep-alive). Touched on the event loop's thread only.
final class SocketConnection: SocketEventHandler {
    private enum State { case connecting, writing, reading, idle, closed }

    let key: String
    private let fd: Int32
    private var id: UInt64 = 0
    private let loop: EventLoop
    private let pool: ConnectionPool
    private var state: State
    private var watchingWrites = true
    private var exchange: HTTPExchange?
    private var written = 0
    private var parser = HTTPResponseParser(bodyLimit: 0)
    /// Whether it carried a request before this one: such a connection may have been closed by the server
    /// while idle, and a request that finds it so is sent again on a new one.
    private var reused = false

    /// Opens a connection for `exchange` to its current address, or says why none can be opened.
    static func open(for exchange: HTTPExchange, loop: EventLoop, pool: ConnectionPool) -> Result<SocketConnection, TransportFailure> {
        let address = exchange.addresses[exchange.addressIndex]
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(.connectionLost("cannot open a socket: \(String(cString: strerror(errno)))")) }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var storage = address.storage
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, address.length) }
        }
        if result != 0 && errno != EINPROGRESS {
            let failure = classifyConnect(errno)
            Glibc.close(fd)
            return .failure(failure)
        }
        let connection = SocketConnection(fd: fd, key: exchange.key, loop: loop, pool: pool, connected: result == 0)
        guard let id = loop.register(fd, writable: true, handler: connection) else {
            Glibc.close(fd)
            return .failure(.connectionLost("cannot watch a socket: \(String(cString: strerror(errno)))"))
        }
        connection.id = id
        return .success(connection)
    }

    private init(fd: Int32, key: String, loop: EventLoop, pool: ConnectionPool, connected: Bool) {
        self.fd = fd
        self.key = key
        self.loop = loop
        self.pool = pool
        self.state = connected ? .writing : .connecting
    }

    /// Sends `exchange`'s request on this connection.
    func begin(_ exchange: HTTPExchange, reused: Bool) {
        self.exchange = exchange
        self.reused = reused
        exchange.connection = self
        parser = HTTPResponseParser(bodyLimit: exchange.bodyLimit)
        written = 0
        guard state != .connecting else { return }
        state = .writing
        flush()
    }

    /// Whether an idle connection is still open: the server has not closed it nor sent anything unasked.
    var isAlive: Bool {
        guard state == .idle else { return false }
        var byte: UInt8 = 0
        let peeked = recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
        return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }

    func socketReady(readable: Bool, writable: Bool, failed: Bool) {
        switch state {
        case .connecting:
            guard writable || failed else { return }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { return connectFailed(error) }
            state = .writing
            flush()
        case .writing:
            // A server may answer (say, 413) before it read the whole request; the answer is taken all the same.
            if readable { readAvailable() }
            if state == .writing, writable || failed { flush() }
        case .reading:
            if readable || failed { readAvailable() }
        case .idle:
            // An idle connection that becomes readable was closed by the server (or sent bytes nobody asked for).
            pool.forget(self)
            close()
        case .closed:
            break
        }
    }

    /// Closes it because its request ended from outside (timeout or cancellation).
    func abandon() {
        exchange = nil
        close()
    }

    func close() {
        guard state != .closed else { return }
        state = .closed
        exchange?.connection = nil
        loop.remove(fd, id: id)
    }

    // MARK: - Sending

    private func flush() {
        guard let exchange else { return }
        let total = exchange.requestBytes.count
        while written < total {
            let sent = exchange.requestBytes.withUnsafeBytes { bytes in
                send(fd, bytes.baseAddress! + written, total - written, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                written += sent
                continue
            }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                watchWrites(true)
                return
            }
            return connectionBroke(errno)
        }
        state = .reading
        watchWrites(false)
    }

    private func watchWrites(_ wanted: Bool) {
        guard watchingWrites != wanted else { return }
        watchingWrites = wanted
        loop.modify(fd, id: id, writable: wanted)
    }

    // MARK: - Receiving

    private func readAvailable() {
        let buffer = loop.readBuffer
        while exchange != nil {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 {
                do {
                    if try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { return complete() }
                } catch let failure as HTTPResponseParser.Failure {
                    return fail(Self.transportFailure(failure))
                } catch {
                    return fail(.connectionLost("\(error)"))
                }
                if count < buffer.count { return }
                continue
            }
            if count == 0 {
                if parser.endOfStream() { return complete() }
                return connectionBroke(ECONNRESET)
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return }
            return connectionBroke(errno)
        }
    }

    private func complete() {
        guard let exchange else { return }
        self.exchange = nil
        let reusable = parser.keepAlive && state == .reading
        let reply = parser.reply
        if reusable {
            state = .idle
            parser = HTTPResponseParser(bodyLimit: 0)
            pool.release(self)
        } else {
            close()
        }
        exchange.finish(.success(reply))
    }

    // MARK: - Failures

    private func connectFailed(_ error: Int32) {
        guard let exchange else { return close() }
        self.exchange = nil
        close()
        pool.connectFailed(exchange, Self.classifyConnect(error))
    }

    /// The connection broke while sending or receiving. A reused connection that broke before any answer was
    /// most likely closed by the server while idle: the request is sent again on a new connection, once.
    private func connectionBroke(_ error: Int32) {
        guard let exchange else { return close() }
        if reused && !parser.hasStarted {
            self.exchange = nil
            close()
            pool.open(exchange)
            return
        }
        let what = parser.hasStarted ? "before the answer was complete" : "before it answered"
        fail(.connectionLost("the server closed the connection \(what) (\(String(cString: strerror(error))))"))
    }

    private func fail(_ failure: TransportFailure) {
        let exchange = self.exchange
        self.exchange = nil
        close()
        exchange?.finish(.failure(failure))
    }

    static func classifyConnect(_ error: Int32) -> TransportFailure {
        switch error {
        case ECONNREFUSED: return .refused
        case ETIMEDOUT: return .timedOut
        default: return .connectionLost("cannot connect: \(String(cString: strerror(error)))")
        }
    }

    private static func transportFailure(_ failure: HTTPResponseParser.Failure) -> TransportFailure {
        switch failure {
        case .tooLarge(let limit): return .responseTooLarge(limit: limit)
        case .malformed(let why): return .connectionLost("the server's answer is not valid HTTP: \(why)")
        }
    }
}
