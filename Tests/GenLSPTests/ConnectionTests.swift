import Foundation
import GenCore
import GenLSP
import Testing

/// The stdio loop over real pipes: split and merged frames in, framed answers out, exit code from `exit`.
@Suite struct ConnectionTests {
    @Test func splitAndMergedFramesAreAnsweredInOrderAndExitEndsTheLoop() throws {
        let input = Pipe(), output = Pipe()
        let finished = Finished()
        let thread = Thread {
            let code = LanguageServerConnection.serve(input: input.fileHandleForReading, output: output.fileHandleForWriting) { send in
                LanguageServer(send: send)
            }
            finished.set(code)
        }
        thread.start()
        func message(_ id: Int?, _ method: String, _ params: JSONValue = .object([:])) -> [UInt8] {
            var object: [String: JSONValue] = ["jsonrpc": .string("2.0"), "method": .string(method), "params": params]
            if let id { object["id"] = .int(id) }
            return MessageFramer.frame(.object(object))
        }
        let opening = message(nil, "textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string("file:///tmp/x.gen"), "version": .int(1), "text": .string("gen 0.1\nlet é = (\n"),
        ])]))
        let first = message(1, "initialize") + message(nil, "initialized") + opening
        // The first write ends inside the second request's header; the rest follows separately.
        let rest = message(2, "textDocument/nothing") + message(3, "shutdown") + message(nil, "exit")
        input.fileHandleForWriting.write(Data(first + rest[..<10]))
        Thread.sleep(forTimeInterval: 0.05)
        input.fileHandleForWriting.write(Data(rest[10...]))

        var framer = MessageFramer()
        var replies: [JSONValue] = []
        while replies.filter({ $0["id"] != nil }).count < 3 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            for case .message(let reply) in try framer.append(data) { replies.append(reply) }
        }
        #expect(replies.compactMap { $0["id"] } == [.int(1), .int(2), .int(3)])
        #expect(replies.first { $0["id"] == .int(2) }?["error"]?["code"] == .int(-32601))
        while finished.code == nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(finished.code == 0)
    }
}

/// The loop's exit code, written by its thread and read by the test.
private final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int32?
    var code: Int32? { lock.withLock { value } }
    func set(_ code: Int32) { lock.withLock { value = code } }
}
