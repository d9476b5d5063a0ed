import Foundation
import Testing
import GenCore
import GenRun
import GenStore
@testable import GenEngine

/// End to end on the real local llama.cpp server that `.ci/run` starts. These fail, never skip, when the
/// server is missing: a silently skipped end-to-end test would hide a broken setup.
@Suite(.serialized) struct LiveRunTests {
    static var chatURL: String { ProcessInfo.processInfo.environment["GEN_LLM_URL"] ?? "http://127.0.0.1:8080/v1" }

    @Test func theSmsExampleRunsToItsTargetOnTheRealServer() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gen-live-\(UUID().uuidString)")
        let script = Paths.root.appendingPathComponent("examples/sms_spam.gen").path
        let result: RunResult
        do {
            result = try await Engine().run(RunRequest(scriptPath: script, outDirectory: out, seed: 11))
        } catch let failure as RunFailure {
            Issue.record("the local LLM server is not answering at \(Self.chatURL); run scripts/llm-server.sh start (\(failure))")
            return
        }
        #expect(result.outcome.end == .targetReached)
        #expect(result.outcome.progress.arms.count == 3)
        let lines = try String(contentsOf: out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)
        for line in lines {
            let sample = try #require(CanonicalJSON.parse(String(line)))
            #expect(["ham", "spam"].contains(sample["label"]?.stringValue ?? ""))
            #expect((sample["text"]?.stringValue?.count ?? 0) >= 5)
        }
        let store = try RunStore(opening: out, access: .readOnly)
        #expect(try await store.acceptedCount() == 12)
        #expect(try await store.verifyExports().isConsistent)
        let candidates = try await store.resumeInfo().candidateCount
        let rejected = try String(contentsOf: out.appendingPathComponent("rejected.jsonl"), encoding: .utf8)
            .split(separator: "\n").count
        #expect(candidates == 12 + rejected)
        #expect(try await store.evaluations().isEmpty == false)
        print(ProgressText.summary(result.outcome.progress))
    }
}
