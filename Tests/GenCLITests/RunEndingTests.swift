import Foundation
import Testing
import GenCore
import GenStore
import GenTestSupport
@testable import GenCLI

/// How `gen run` ends when it cannot reach its target, and on SIGTERM: never exit 0 short of the target, and
/// the store says why.
@Suite struct RunEndingTests {
    func script(url: String, count: Int, extra: String = "") throws -> (script: String, out: URL) {
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        var text = StubModelServer.script(url: url, count: count)
        if !extra.isEmpty { text = text.replacingOccurrences(of: "  batch: 4\n", with: "  batch: 4\n" + extra) }
        try text.write(to: script, atomically: true, encoding: .utf8)
        return (script.path, directory.appendingPathComponent("run"))
    }

    /// Before, a run stopped by `max_candidates` at 2 of 6 samples exited 0 and its store said "completed".
    @Test func aRunShortOfItsTargetExits75AndSaysSo() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let run = try script(url: server.baseURL, count: 40, extra: "  max_candidates: 6\n")
        let console = CapturingConsole()
        #expect(await GenTool.make().run(["run", run.script, "--out", run.out.path], console: console) == 75)
        #expect(console.stderrText.contains("error: the run ended short of its target: "), "\(console.stderrText)")
        #expect(console.stderrText.contains("of 40 accepted"))
        #expect(console.stderrText.contains("gen run --resume \(run.out.path)"))
        let info = try await RunStore(opening: run.out, access: .readOnly).info()
        #expect(info.status == .stopped)
    }

    /// `--count 1` asked for a full first batch and threw the extra passing candidates away.
    @Test func countOneAsksForOneCandidateFirst() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let run = try script(url: server.baseURL, count: 12)
        let console = CapturingConsole()
        #expect(await GenTool.make().run(["run", run.script, "--out", run.out.path, "--count", "1"], console: console) == 0)
        let first = try await RunStore(opening: run.out, access: .readOnly).candidates(batch: 0)
        #expect(first.count == 1)
    }

    /// SIGTERM is handled like Ctrl-C: the batch in flight is written, the store says "stopped", exit 130.
    /// Runs in the serial phase (its name has SIGTERM): on a loaded machine the run may not start in time.
    @Test func signalSIGTERMStopsAfterTheBatchAndTheStoreSaysStopped() async throws {
        // Slow answers, so the run is mid-batch when the signal comes.
        let server = try StubHTTPServer { request, _ in
            var answer = StubModelServer.answer(request)
            if request.path.hasSuffix("/chat/completions") { answer.delay = .milliseconds(150) }
            return answer
        }
        defer { server.stop() }
        let run = try script(url: server.baseURL, count: 400)
        let process = Process()
        process.executableURL = try LiveKillResumeTests.genBinary()
        process.arguments = ["run", run.script, "--out", run.out.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Signal once a batch is committed, while the next is being generated.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if let store = try? RunStore(opening: run.out, access: .readOnly), let info = try? await store.resumeInfo(),
               info.nextBatchIndex >= 1 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(process.isRunning, "the run ended or never committed a batch before the signal could be sent")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let info = try await RunStore(opening: run.out, access: .readOnly).info()
        #expect(info.status == .stopped)
        #expect(info.statusDetail?.contains("SIGTERM") == true, "\(String(describing: info.statusDetail))")
        #expect(FileManager.default.fileExists(atPath: run.out.appendingPathComponent("dataset.jsonl").path))
    }

    /// One exit-code table: a missing input is 66 for every command (`gen run nothere.gen` said 65, `report` 70).
    @Test func aMissingInputIs66EverywhereAndAnUnknownArmIsNamed() async throws {
        for arguments in [["run", "/nonexistent/x.gen"], ["run", "--resume", "/nonexistent/run"], ["report", "/nonexistent/run"],
                          ["inspect", "/nonexistent/run"], ["doctor", "/nonexistent/run"]] {
            let console = CapturingConsole()
            #expect(await GenTool.make().run(arguments, console: console) == 66, "\(arguments)")
            #expect(console.stderrText.hasPrefix("error: "), "\(arguments): \(console.stderrText)")
        }
        let server = try StubModelServer.start()
        defer { server.stop() }
        let run = try script(url: server.baseURL, count: 4)
        #expect(await GenTool.make().run(["run", run.script, "--out", run.out.path], console: CapturingConsole()) == 0)
        let typo = CapturingConsole()
        #expect(await GenTool.make().run(["inspect", run.out.path, "--arm", "carefull"], console: typo) == 64)
        #expect(typo.stderrText.contains("the run has no arm `carefull`") && typo.stderrText.contains("did you mean `careful`?"),
                "\(typo.stderrText)")
    }

    /// `--help` and the README list the same exit codes (they disagreed).
    @Test func helpAndTheReadmeListTheSameExitCodes() async throws {
        let console = CapturingConsole()
        #expect(await GenTool.make().run(["--help"], console: console) == 0)
        let readme = try String(contentsOf: LiveKillResumeTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let paragraph = try #require(readme.range(of: "Exit codes, the same for every command:").map { String(readme[$0.lowerBound...].prefix(700)).replacingOccurrences(of: "\n", with: " ") })
        for (code, meaning) in ExitCode.meanings {
            #expect(console.stdoutText.contains("\(code) \(meaning)"))
            #expect(paragraph.contains(" \(code) "), "README lacks exit code \(code)")
        }
    }
}
