import Foundation
import Testing
import GenTestSupport
import GenCore
import GenStore

/// The real thing: `gen run` on the local llama.cpp server, killed with SIGKILL mid-run, then
/// `gen run --resume`: no accepted sample lost or duplicated, and the files agree with the store.
/// Fails (never skips) when the server or the `gen` binary is missing.
@Suite(.serialized) struct LiveKillResumeTests {
    static func genBinary() throws -> URL { try BuiltProduct.url("gen") }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try Self.genBinary()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func committedBatches(_ directory: URL) async -> Int {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path),
              let store = try? RunStore(opening: directory, access: .readOnly),
              let info = try? await store.resumeInfo() else { return 0 }
        return info.nextBatchIndex
    }

    @Test func aRunKilledMidwayResumesWithoutLosingOrRepeatingSamples() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gen-kill-\(UUID().uuidString)")
        let script = Self.root.appendingPathComponent("examples/sms_spam.gen").path
        let first = try launch(["run", script, "--out", out.path, "--count", "12", "--seed", "5"])
        // Kill once at least one batch is committed (while the next is being generated), within 3 minutes.
        let deadline = Date().addingTimeInterval(180)
        while await committedBatches(out) < 1, first.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
        try await Task.sleep(for: .milliseconds(700))
        let wasRunning = first.isRunning
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(await committedBatches(out) >= 1, "no batch was committed: is the local LLM server up? run scripts/llm-server.sh start")
        let acceptedBeforeKill = try await RunStore(opening: out, access: .readOnly).acceptedSamples().map(\.contentHash)

        let second = try launch(["run", "--resume", out.path])
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)

        let store = try RunStore(opening: out, access: .readOnly)
        let accepted = try await store.acceptedSamples()
        #expect(accepted.count == 12)
        #expect(Set(accepted.map(\.contentHash)).count == 12)
        #expect(accepted.map(\.ordinal) == Array(1...12))
        // What was accepted before the kill is still there, first, in the same order.
        #expect(Array(accepted.map(\.contentHash).prefix(acceptedBeforeKill.count)) == acceptedBeforeKill)
        #expect(try await store.verifyExports().isConsistent)
        let lines = try String(contentsOf: out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)
        if !wasRunning { Issue.record("the first run finished before it could be killed; the kill was not exercised") }
    }
}
