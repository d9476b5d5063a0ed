import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A loopback server whose every connection is handed to a script writing raw bytes: for HTTP clients facing
/// what `StubHTTPServer` never sends (chunked bodies in pieces, bodies ended by a close, interim 100 answers,
/// keep-alive connections the server drops while idle).
public final class RawTCPServer: Sendable {
    /// Serves one connection: its 0-based index and a channel to read requests and write bytes.
    public typealias Script = @Sendable (_ connection: RawConnection, _ index: Int) -> Void

    public let port: UInt16
    private let listener: Int32
    private let accepted = AcceptCount()

    public init(script: @escaping Script) throws {
        let (listener, port) = try StubHTTPServer.listen()
        self.listener = listener
        self.port = port
        Thread.detachNewThread { [accepted] in
            while true {
                let fd = accept(listener, nil, nil)
                guard fd >= 0 else {
                    if errno == EINTR { continue }
                    return
                }
                let index = accepted.next()
                Thread.detachNewThread {
                    let connection = RawConnection(fd: fd)
                    script(connection, index)
                    connection.close()
                }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// `http://127.0.0.1:<port>/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Connections accepted so far.
    public var connections: Int { accepted.value.withLock { $0 } }
}

private final class AcceptCount: Sendable {
    let value = Mutex(0)

    /// The index of the connection just accepted.
    func next() -> Int {
        value.withLock { count in
            defer { count += 1 }
            return count
        }
    }
}

/// One accepted connection of a `RawTCPServer`.
public final class RawConnection: Sendable {
    private let fd: Int32
    private let closed = Mutex(false)

    init(fd: Int32) {
        self.fd = fd
    }

    /// Reads one HTTP request (head and Content-Length body); nil when the client closed the connection.
    public func readRequest() -> StubRequest? {
        SocketIO.readRequest(from: fd)
    }

    /// Writes bytes as they are; false when the client has gone.
    @discardableResult
    public func write(_ text: String) -> Bool {
        SocketIO.write(Data(text.utf8), to: fd)
    }

    /// Closes the connection (again is harmless).
    public func close() {
        let wasClosed = closed.withLock { state in
            defer { state = true }
            return state
        }
        if !wasClosed { Glibc.close(fd) }
    }
}
