import Foundation
import GenTestSupport
import Synchronization
import Testing
@testable import GenProviders

/// The socket transport against real loopback servers: keep-alive, framing, dropped connections, timeouts,
/// cancellation, and the same answers as URLSession gives.
@Suite struct SocketTransportTests {
    private func transport() throws -> SocketTransport {
        try #require(SocketTransport(maxIdlePerServer: 8))
    }

    private func post(_ transport: SocketTransport, _ base: String, body: String = "{}", timeout: Double = 5) async throws -> HTTPReply {
        try await transport.send(
            "POST", to: URL(string: base + "/chat/completions")!, body: Data(body.utf8), headers: ["Content-Type": "application/json"],
            timeout: timeout, maxResponseBytes: 1 << 20)
    }

    /// Answers every request on a connection with `answer`, until the client closes it.
    private static func answering(_ answer: String) -> RawTCPServer.Script {
        { connection, _ in
            while connection.readRequest() != nil { connection.write(answer) }
        }
    }

    @Test func oneConnectionCarriesRequestAfterRequest() async throws {
        let server = try RawTCPServer(script: Self.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
        let transport = try transport()
        for _ in 0..<20 {
            let reply = try await post(transport, server.baseURL)
            #expect(String(decoding: reply.body, as: UTF8.self) == "ok")
        }
        #expect(server.connections == 1)
    }

    @Test func theRequestOnTheWireIsWellFormedAndHeadersCannotBreakLines() async throws {
        let server = try StubHTTPServer(responses: [.text("fine")])
        defer { server.stop() }
        let reply = try await transport().send(
            "POST", to: URL(string: server.baseURL + "/chat/completions?api-version=2")!, body: Data("{\"a\":1}".utf8),
            headers: ["Authorization": "Bearer k\r\nX-Injected: yes"], timeout: 5, maxResponseBytes: 1 << 20)
        #expect(reply.status == 200)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/chat/completions?api-version=2")
        #expect(request.headers["host"] == "127.0.0.1:\(server.port)")
        #expect(request.headers["authorization"] == "Bearer kX-Injected: yes")
        #expect(request.headers["x-injected"] == nil)
        #expect(String(decoding: request.body, as: UTF8.self) == "{\"a\":1}")
    }

    @Test func aChunkedAnswerWrittenInPiecesArrivesWhole() async throws {
        let server = try RawTCPServer { connection, _ in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            for piece in ["5\r\nwh", "ole\r", "\n5\r\n body\r\n", "0\r\n\r\n"] {
                Thread.sleep(forTimeInterval: 0.02)
                connection.write(piece)
            }
        }
        let reply = try await post(transport(), server.baseURL)
        #expect(String(decoding: reply.body, as: UTF8.self) == "whole body")
    }

    @Test func aBodyEndedByTheServerClosingIsAnAnswer() async throws {
        let server = try RawTCPServer { connection, _ in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end")
        }
        let reply = try await post(transport(), server.baseURL)
        #expect(reply.header("Content-Type") == "text/plain")
        #expect(String(decoding: reply.body, as: UTF8.self) == "until the end")
    }

    /// The keep-alive race: the server drops an idle connection just as the next request goes out on it.
    /// Nothing was answered, so the request is sent again on a new connection instead of failing.
    @Test func aKeepAliveConnectionDroppedByTheServerIsReplacedUnseen() async throws {
        let server = try RawTCPServer { connection, index in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: \(index == 0 ? 5 : 6)\r\n\r\n\(index == 0 ? "first" : "second")")
            // The first connection reads the next request and closes without a word.
            if index == 0 { _ = connection.readRequest() }
        }
        let transport = try transport()
        #expect(String(decoding: try await post(transport, server.baseURL).body, as: UTF8.self) == "first")
        #expect(String(decoding: try await post(transport, server.baseURL).body, as: UTF8.self) == "second")
        #expect(server.connections == 2)
    }

    @Test func aServerThatBreaksOffMidAnswerIsALostConnection() async throws {
        let server = try StubHTTPServer(responses: [StubResponse(status: 200, body: Data(repeating: 65, count: 1000), closeAfterBodyBytes: 10)])
        defer { server.stop() }
        await #expect {
            try await post(transport(), server.baseURL)
        } throws: { error in
            guard case TransportFailure.connectionLost(let why) = error else { return false }
            return why.contains("before the answer was complete")
        }
    }

    @Test func nothingListeningIsARefusal() async throws {
        let port = try StubHTTPServer.unusedPort()
        await #expect {
            try await post(transport(), "http://127.0.0.1:\(port)/v1")
        } throws: { error in
            if case TransportFailure.refused = error { return true }
            return false
        }
    }

    @Test func aSilentServerTimesOutOnTimeAndItsConnectionIsClosed() async throws {
        let closedByClient = Flag()
        let server = try RawTCPServer { connection, _ in
            _ = connection.readRequest()
            // The client closing its end makes this read return: the connection was not left open.
            if connection.readRequest() == nil { closedByClient.raise() }
        }
        let started = ContinuousClock.now
        await #expect {
            try await post(transport(), server.baseURL, timeout: 0.3)
        } throws: { error in
            if case TransportFailure.timedOut = error { return true }
            return false
        }
        // Only the loop's timer ends this request (the server never answers nor closes), so the error shows it
        // fired; and not before its time. No upper bound: CPU-bound tests running beside this one can hold Swift's
        // few concurrency threads for minutes on a loaded machine, delaying the caller's resumption, not the timer.
        #expect(ContinuousClock.now - started >= .milliseconds(290))
        #expect(await closedByClient.waitRaised(within: .seconds(30)))
    }

    @Test func cancellingTheCallerEndsTheRequestAtOnce() async throws {
        let server = try RawTCPServer { connection, _ in
            _ = connection.readRequest()
            _ = connection.readRequest()
        }
        let transport = try transport()
        let task = Task { try await post(transport, server.baseURL, timeout: 120) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        // A cancellation error, not the timeout's: the server never answers, and only cancelling ends the request.
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func anAnswerOverTheLimitIsCutOff() async throws {
        let server = try RawTCPServer(script: Self.answering("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"))
        await #expect {
            try await transport().send(
                "GET", to: URL(string: server.baseURL + "/models")!, body: nil, headers: [:], timeout: 5, maxResponseBytes: 4096)
        } throws: { error in
            if case TransportFailure.responseTooLarge(limit: 4096) = error { return true }
            return false
        }
    }

    @Test func manyRequestsAtOnceAllGetTheirOwnAnswer() async throws {
        let server = try StubHTTPServer(keepAlive: true) { request, _ in
            .text(String(decoding: request.body, as: UTF8.self), delay: .milliseconds(20))
        }
        defer { server.stop() }
        let transport = try transport()
        let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<200 {
                group.addTask { (index, String(decoding: try await post(transport, server.baseURL, body: "n\(index)").body, as: UTF8.self)) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(bodies.count == 200)
        #expect(bodies.allSatisfy { $0.value == "n\($0.key)" })
    }

    @Test func socketsAndURLSessionGiveTheSameReply() async throws {
        let server = try StubHTTPServer(keepAlive: true) { _, _ in .json(.object(["ok": .bool(true)]), status: 201, headers: ["X-Thing": "1"]) }
        defer { server.stop() }
        let url = URL(string: server.baseURL + "/chat/completions")!
        var replies: [HTTPReply] = []
        for useSockets in [true, false] {
            let transport = HTTPTransport(timeout: 5, maxConnections: 4, useSockets: useSockets)
            replies.append(try await transport.send("POST", to: url, body: Data("{}".utf8), headers: [:], timeout: 5))
        }
        #expect(replies[0].status == replies[1].status)
        #expect(replies[0].body == replies[1].body)
        #expect(replies[0].header("x-thing") == "1")
        #expect(replies[1].header("x-thing") == "1")
    }
}

/// Set once by a server thread, awaited by the test.
private final class Flag: Sendable {
    private let state = Mutex(false)

    func raise() { state.withLock { $0 = true } }

    func waitRaised(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if state.withLock({ $0 }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return state.withLock { $0 }
    }
}
