import Foundation
import Synchronization
import Testing
import GenCore
import GenStore
import GenTestSupport
@testable import GenCLI

/// `gen run` with a model served by a pool of two stub servers, one of which goes away mid-run: the run ends with
/// exactly its count, nothing lost or duplicated, and the summary, the store and the report show each server's
/// traffic and failures. (The same with two real llama.cpp servers is `LivePoolTests`.)
@Suite struct PoolRunTests {
    @Test func aServerThatDiesMidRunLeavesTheRunToTheOther() async throws {
        let survivor = try StubModelServer.start()
        let chatAnswered = Atomic<Int>(0)
        let doomed = Mutex<StubHTTPServer?>(nil)
        let server = try StubHTTPServer { request, _ in
            let answer = StubModelServer.answer(request)
            // After its sixth chat answer the server goes away (the listener closes; later connections are refused).
            if request.route.hasSuffix("/chat/completions"), chatAnswered.add(1, ordering: .relaxed).newValue == 6 {
                doomed.withLock { $0?.stop() }
            }
            return answer
        }
        doomed.withLock { $0 = server }
        defer { survivor.stop(); server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("pool.gen")
        let text = StubModelServer.script(url: survivor.baseURL, count: 24).replacingOccurrences(
            of: "base_url: \"\(survivor.baseURL)\"", with: "base_urls: [\"\(server.baseURL)\", \"\(survivor.baseURL)\"]")
        #expect(text.contains("base_urls"))
        try text.write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")

        let console = CapturingConsole()
        #expect(await GenTool.make().run(["run", script.path, "--out", out.path], console: console) == 0, "\(console.stderrText)")
        let store = try RunStore(opening: out, access: .readOnly)
        let accepted = try await store.acceptedSamples()
        #expect(accepted.count == 24 && accepted.map(\.ordinal) == Array(1...24))
        #expect(Set(accepted.map(\.contentHash)).count == 24, "no sample twice")
        let lines = try String(contentsOf: out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 24)

        let traffic = try await store.endpointTraffic()
        #expect(traffic.map(\.endpoint) == [server.baseURL, survivor.baseURL])
        #expect(traffic[0].answered >= 6 && traffic[0].connectionFailures >= 1 && traffic[0].circuitOpenings >= 1)
        #expect(traffic[1].answered > 0 && traffic[1].failures == 0)
        #expect(console.stdoutText.contains("model servers:") && console.stdoutText.contains("refused or broken connection"))

        let inspect = CapturingConsole()
        #expect(await GenTool.make().run(["inspect", out.path], console: inspect) == 0)
        #expect(inspect.stdoutText.contains("model servers:") && inspect.stdoutText.contains(server.baseURL))

        let report = CapturingConsole()
        #expect(await GenTool.make().run(["report", out.path], console: report) == 0, "\(report.stderrText)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("table-endpoints") && html.contains(server.baseURL))
    }
}
