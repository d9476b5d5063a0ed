import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny scriptable HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests that need a real
/// socket peer: status codes, headers, delays past a client's timeout, connections closed mid-body.
///
/// Each connection is served on its own thread and closed after one answer (`Connection: close`), or, with
/// `keepAlive`, kept open for the client's next request, as real model servers do.
/// The server records every request and the most requests it was ever handling at once.
public final class StubHTTPServer: Sendable {
    /// Decides the answer to the n-th request (0-based) the server receives.
    public typealias Handler = @Sendable (_ request: StubRequest, _ index: Int) -> StubResponse

    /// The port the server listens on.
    public let port: UInt16
    private let listener: Int32
    private let log = StubLog()

    /// Starts a server that answers with `handler`. Throws when no socket can be bound.
    public init(keepAlive: Bool = false, handler: @escaping Handler) throws {
        let (listener, port) = try Self.listen()
        self.listener = listener
        self.port = port
        // The accept thread holds the socket, handler and log but not the server, so dropping the
        // server (deinit) stops it.
        Thread.detachNewThread { [log] in Self.acceptLoop(listener: listener, keepAlive: keepAlive, handler: handler, log: log) }
    }

    /// Starts a server that answers the n-th request with `responses[n]`, and repeats the last one after that.
    public convenience init(responses: [StubResponse]) throws {
        let script = responses.isEmpty ? [StubResponse.text("no scripted response", status: 500)] : responses
        try self.init { _, index in script[min(index, script.count - 1)] }
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>/v1`, the base URL a client under test should use.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Every request received so far, in arrival order.
    public var requests: [StubRequest] { log.state.withLock { $0.requests } }

    /// The most requests that were being handled at the same time.
    public var maxInFlight: Int { log.state.withLock { $0.maxInFlight } }

    /// Stops accepting connections (requests being answered finish on their own threads).
    public func stop() {
        let wasStopped = log.state.withLock { state in
            defer { state.stopped = true }
            return state.stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A loopback port with nothing listening on it, for "connection refused" tests.
    public static func unusedPort() throws -> UInt16 {
        let (socket, port) = try listen()
        close(socket)
        return port
    }

    private static func acceptLoop(listener: Int32, keepAlive: Bool, handler: @escaping Handler, log: StubLog) {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR, !log.state.withLock({ $0.stopped }) { continue }
                return
            }
            Thread.detachNewThread {
                defer { close(connection) }
                while serve(connection, keepAlive: keepAlive, handler: handler, log: log) && keepAlive {}
            }
        }
    }

    /// Answers one request; false when the connection is done (closed by the peer, or broken).
    private static func serve(_ connection: Int32, keepAlive: Bool, handler: Handler, log: StubLog) -> Bool {
        guard let request = SocketIO.readRequest(from: connection) else { return false }
        let index = log.state.withLock { state in
            state.requests.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return state.requests.count - 1
        }
        defer { log.state.withLock { $0.inFlight -= 1 } }
        let response = handler(request, index)
        if response.delay > .zero {
            let parts = response.delay.components
            Thread.sleep(forTimeInterval: Double(parts.seconds) + Double(parts.attoseconds) * 1e-18)
        }
        let head = SocketIO.head(status: response.status, headers: response.headers, contentLength: response.body.count, keepAlive: keepAlive)
        guard SocketIO.write(head, to: connection) else { return false }
        if let cut = response.closeAfterBodyBytes {
            SocketIO.write(response.body.prefix(max(0, cut)), to: connection)
            shutdown(connection, Int32(SHUT_RDWR))
            return false
        }
        return SocketIO.write(response.body, to: connection)
    }

    /// Binds a listening socket to 127.0.0.1 on an ephemeral port.
    static func listen() throws -> (Int32, UInt16) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw StubServerError("socket() failed: errno \(errno)") }
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(socket, 64) == 0 else {
            close(socket)
            throw StubServerError("bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else {
            close(socket)
            throw StubServerError("getsockname failed: errno \(errno)")
        }
        return (socket, UInt16(bigEndian: address.sin_port))
    }
}

/// What the server has seen, shared between its threads.
private final class StubLog: Sendable {
    struct State {
        var requests: [StubRequest] = []
        var inFlight = 0
        var maxInFlight = 0
        var stopped = false
    }

    let state = Mutex(State())
}

/// The stub server could not start.
public struct StubServerError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
