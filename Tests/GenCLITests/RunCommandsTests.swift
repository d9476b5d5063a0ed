import Foundation
import Testing
import GenCore
import GenSemantics
import GenStore
import GenTestSupport
@testable import GenCLI

/// The run-side commands end to end through the tool, against a stub OpenAI server on loopback.
@Suite(.serialized) struct RunCommandsTests {
    let tool = GenTool.make()

    func stubRun() async throws -> (server: StubHTTPServer, script: String, out: URL, console: CapturingConsole, code: Int32) {
        let server = try StubModelServer.start()
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 8).write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let console = CapturingConsole()
        let code = await tool.run(["run", script.path, "--out", out.path, "--seed", "3"], console: console)
        return (server, script.path, out, console, code)
    }

    @Test func runWritesDatasetReportAndCardAndPrintsTheSummary() async throws {
        let run = try await stubRun()
        defer { run.server.stop() }
        #expect(run.code == 0, "\(run.console.stderrText)")
        #expect(run.console.stdoutText.contains("arm      pulls  accepted"))
        #expect(run.console.stdoutText.contains("target reached"))
        #expect(run.console.stderrText.contains("batch 1  accepted"))
        for file in ["dataset.jsonl", "rejected.jsonl", "report.html", "DATASET_CARD.md", "run.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: run.out.appendingPathComponent(file).path), "\(file)")
        }
        let lines = try String(contentsOf: run.out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8)

        let inspect = CapturingConsole()
        #expect(await tool.run(["inspect", run.out.path, "--limit", "2"], console: inspect) == 0)
        #expect(inspect.stdoutText.contains("rejection reasons per arm:"))
        #expect(inspect.stdoutText.contains("truncated JSON"))

        let report = CapturingConsole()
        let custom = run.out.appendingPathComponent("again.html")
        #expect(await tool.run(["report", run.out.path, "--out", custom.path], console: report) == 0)
        #expect(FileManager.default.fileExists(atPath: custom.path))

        // Resuming a finished run has nothing left to do and says so.
        let resume = CapturingConsole()
        #expect(await tool.run(["run", "--resume", run.out.path], console: resume) == 0)
        #expect(resume.stdoutText.contains("target reached"))
        let again = try String(contentsOf: run.out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(again == lines)
    }

    @Test func runRefusesAnExistingDirectoryAndBadFlags() async throws {
        let run = try await stubRun()
        defer { run.server.stop() }
        let second = CapturingConsole()
        #expect(await tool.run(["run", run.script, "--out", run.out.path], console: second) == 70)
        #expect(second.stderrText.contains("already holds a run"))
        let bad = CapturingConsole()
        #expect(await tool.run(["run", run.script, "--count", "0"], console: bad) == 64)
        #expect(bad.stderrText.contains("--count must be at least 1"))
        let missing = CapturingConsole()
        #expect(await tool.run(["run"], console: missing) == 64)
        let negative = CapturingConsole()
        #expect(await tool.run(["run", run.script, "--export-every", "-1"], console: negative) == 64)
        #expect(negative.stderrText.contains("--export-every must be at least 0, got -1"))
    }

    @Test func inspectSetsApartCandidatesThatPassedAfterTheTarget() async throws {
        let directory = StubModelServer.temporaryDirectory()
        let store = try RunStore(creating: NewRun(scriptPath: "t.gen", scriptSHA256: "x", seed: 1, graph: .object([:]),
                                                  targetCount: 1), in: directory)
        let sample = JSONValue.object(["text": .string("hello there")])
        _ = try await store.record(
            batch: BatchRecord(index: 0, allocation: ["a": 3], routerState: .object([:]), rngState: [:], tokens: 30,
                               startedAt: Date(), endedAt: Date()),
            candidates: [
                CandidateRecord(slot: 0, arm: "a", sample: sample, verdict: .accepted, reward: 1),
                CandidateRecord(slot: 1, arm: "a", sample: .object(["text": .string("too short")]), verdict: .rejected,
                                reasons: ["rule \"long enough\""], reward: 0),
                CandidateRecord(slot: 2, arm: "a", sample: .object(["text": .string("good but late")]), verdict: .rejected,
                                reasons: [SurplusReason.text], reward: 1),
            ])
        await store.close()
        let console = CapturingConsole()
        #expect(await tool.run(["inspect", directory.path], console: console) == 0)
        let text = console.stdoutText
        #expect(text.contains("  a  1     rule \"long enough\""))
        #expect(!text.contains("a  1     over target"))
        #expect(text.contains("passed every check after the target was reached (not kept): 1 (a 1)"))
        #expect(text.contains("too short"))
        #expect(!text.contains("good but late"), "a surplus candidate is not listed as rejected")
    }

    @Test func exportEveryReachesTheRunRequest() throws {
        let parsed = try ArgumentParser.parse(["examples/sms_spam.gen", "--export-every", "5"], for: RunCommand.spec)
        #expect(try RunCommand.makeRequest(parsed).exportInterval == 5)
        #expect(try RunCommand.makeRequest(ArgumentParser.parse(["examples/sms_spam.gen"], for: RunCommand.spec)).exportInterval == 30)
    }

    @Test func runReportsScriptErrorsWithCaretsAndExit65() async throws {
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("bad.gen")
        try StubModelServer.script(url: "http://127.0.0.1:9/v1").replacingOccurrences(of: "temperature: 0.2", with: "temperature: 7")
            .write(to: script, atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        #expect(await tool.run(["run", script.path, "--out", directory.appendingPathComponent("r").path], console: console) == 65)
        #expect(console.stderrText.contains("temperature"))
        #expect(console.stderrText.contains("^"))
    }

    @Test func graphPrintsTextValidDotAndStableJSON() async throws {
        let example = GenCLIPaths.root.appendingPathComponent("examples/sms_spam.gen").path
        let text = CapturingConsole()
        #expect(await tool.run(["graph", example], console: text) == 0)
        #expect(text.stdoutText.contains("arm careful: naive(local"))
        let dot = CapturingConsole()
        #expect(await tool.run(["graph", example, "--format", "dot"], console: dot) == 0)
        #expect(DotValidator.validate(dot.stdoutText) == nil)
        let json = CapturingConsole(), jsonAgain = CapturingConsole()
        #expect(await tool.run(["graph", example, "--format", "json"], console: json) == 0)
        #expect(await tool.run(["graph", example, "--format", "json"], console: jsonAgain) == 0)
        #expect(json.stdoutText == jsonAgain.stdoutText)
        #expect(CanonicalJSON.parse(json.stdoutText)?["arms"]?.arrayValue?.count == 3)
    }

    @Test func evalTestsADatasetOnRealData() async throws {
        let data = GenCLIPaths.root.appendingPathComponent("examples/data/sms_spam_test.jsonl").path
        let console = CapturingConsole()
        #expect(await tool.run(["eval", data, "--test", data, "--model", "nb"], console: console) == 0)
        #expect(console.stdoutText.contains("held-out test set"))
        #expect(console.stdoutText.contains("confusion matrix"))
        let crossValidated = CapturingConsole()
        #expect(await tool.run(["eval", data], console: crossValidated) == 0)
        #expect(crossValidated.stdoutText.contains("CROSS-VALIDATION"))
        let missing = CapturingConsole()
        #expect(await tool.run(["eval", "/nonexistent.jsonl"], console: missing) == 66)
    }
}

enum GenCLIPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

@Suite struct CanonicalFormattingTests {
    @Test func examplesAndStdlibAreCanonicallyFormatted() async throws {
        var paths: [String] = []
        for folder in ["examples", "stdlib"] {
            let directory = GenCLIPaths.root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".gen") }
            paths += names.sorted().map { directory.appendingPathComponent($0).path }
        }
        #expect(paths.count >= 8)
        let console = CapturingConsole()
        #expect(await GenTool.make().run(["fmt", "--check"] + paths, console: console) == 0, "\(console.stdoutText)")
    }
}
