import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import GenCore
import GenStore
import GenTestSupport

/// The issue's proof for pools: `gen run` with a model served by two real llama.cpp servers as one pool; one is
/// killed (SIGKILL) mid-run. The run finishes on the other with exactly its count, nothing lost or duplicated,
/// and the store and the report show each server's traffic and failures. Fails (never skips) without the servers.
@Suite(.serialized) struct LivePoolTests {
    static let mainURL = "http://127.0.0.1:\(ProcessInfo.processInfo.environment["GEN_LLM_PORT"] ?? "8080")/v1"

    static func answers(_ url: String) async -> Bool {
        var request = URLRequest(url: URL(string: url + "/models")!)
        request.timeoutInterval = 5
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// A second chat server on a free port, started with `scripts/llm-server.sh serve` (the process is the server).
    static func startSecondServer() async throws -> (Process, String) {
        let port = try StubHTTPServer.unusedPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [LiveKillResumeTests.root.appendingPathComponent("scripts/llm-server.sh").path, "serve", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let url = "http://127.0.0.1:\(port)/v1"
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline, process.isRunning {
            if await answers(url) { return (process, url) }
            try await Task.sleep(for: .milliseconds(500))
        }
        process.terminate()
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "the second llama.cpp server on \(url) did not start: run scripts/llm-server.sh install"])
    }

    func traffic(_ directory: URL) async -> [EndpointTraffic] {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path),
              let store = try? RunStore(opening: directory, access: .readOnly) else { return [] }
        return (try? await store.endpointTraffic()) ?? []
    }

    @Test func aPoolOfTwoLiveServersSurvivesOneKilledMidRun() async throws {
        #expect(await Self.answers(Self.mainURL), "no model server at \(Self.mainURL): run scripts/llm-server.sh start")
        let (second, secondURL) = try await Self.startSecondServer()
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("pool.gen")
        let example = try String(contentsOf: LiveKillResumeTests.root.appendingPathComponent("examples/sms_spam.gen"), encoding: .utf8)
        let pooled = example.replacingOccurrences(
            of: #"base_url: env("GEN_LLM_URL", "http://127.0.0.1:8080/v1")"#,
            with: "base_urls: [\"\(secondURL)\", \"\(Self.mainURL)\"], max_concurrency: 2")
        #expect(pooled != example)
        try pooled.replacingOccurrences(of: "count: 12", with: "count: 16").write(to: script, atomically: true, encoding: .utf8)
        // The example tests on real rows next to it.
        let data = directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: LiveKillResumeTests.root.appendingPathComponent("examples/data/sms_spam_test.jsonl"), to: data.appendingPathComponent("sms_spam_test.jsonl"))
        let out = directory.appendingPathComponent("run")

        let run = Process()
        run.executableURL = try LiveKillResumeTests.genBinary()
        run.arguments = ["run", script.path, "--out", out.path, "--seed", "3"]
        run.standardOutput = FileHandle.nullDevice
        run.standardError = FileHandle.nullDevice
        try run.run()
        // Kill the second server once it has answered part of the run (the store has its traffic), within 5 minutes.
        let deadline = Date().addingTimeInterval(300)
        while run.isRunning, Date() < deadline {
            if let mine = await traffic(out).first(where: { $0.endpoint == secondURL }), mine.answered >= 2 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let killedMidRun = run.isRunning
        kill(second.processIdentifier, SIGKILL)
        second.waitUntilExit()
        let runDeadline = Date().addingTimeInterval(600)
        while run.isRunning, Date() < runDeadline { try await Task.sleep(for: .milliseconds(200)) }
        if run.isRunning { run.terminate() }
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        #expect(killedMidRun, "the run finished before the second server could be killed; the kill was not exercised")

        let store = try RunStore(opening: out, access: .readOnly)
        let accepted = try await store.acceptedSamples()
        #expect(accepted.count == 16 && accepted.map(\.ordinal) == Array(1...16))
        #expect(Set(accepted.map(\.contentHash)).count == 16, "nothing accepted twice")
        #expect(try await store.verifyExports().isConsistent)
        let rows = try await store.endpointTraffic()
        let killed = try #require(rows.first { $0.endpoint == secondURL })
        let survivor = try #require(rows.first { $0.endpoint == Self.mainURL })
        #expect(killed.answered >= 2 && killed.connectionFailures >= 1 && killed.circuitOpenings >= 1, "\(killed)")
        #expect(survivor.answered > 0 && survivor.connectionFailures == 0, "\(survivor)")

        let report = Process()
        report.executableURL = try LiveKillResumeTests.genBinary()
        report.arguments = ["report", out.path]
        report.standardOutput = FileHandle.nullDevice
        try report.run()
        report.waitUntilExit()
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("table-endpoints") && html.contains(secondURL) && html.contains("refused or broken connection"))
    }
}
