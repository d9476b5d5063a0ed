import Foundation
import Testing
import GenCore
import GenReport
@testable import GenEngine

/// Issue 16: record a real run on the local llama.cpp servers (chat, a judge, embeddings), then replay it with no
/// server: the same dataset, report data and card, byte for byte. Fails, never skips, when the server is missing.
@Suite(.serialized) struct LiveRecordReplayTests {
    static let script = """
    gen 0.1
    import "std/quality"
    model local = openai(base_url: env("GEN_LLM_URL", "http://127.0.0.1:8080/v1"), model: "smollm2")
    model embedder = openai(base_url: env("GEN_EMBED_URL", "http://127.0.0.1:8081/v1"), model: "smollm2")
    schema Review {
      text: string(min: 10, max: 300)
      label: enum("positive", "negative")
    }
    spec reviews {
      domain: "One sentence from a film critic's review of a movie"
      output: Review
      count: 4
      batch: 3
    }
    arm careful = naive(local, temperature: 0.3)
    arm bold = naive(local, temperature: 1.0)
    router thompson()
    quality {
      rule "schema" valid(sample)
      score "about movies" similarity(sample.text, spec.domain, using: embedder) weight 0.5
      score "judged" judge(sample, using: local) weight 0.5
      dedup near(0.7)
    }
    reward = passed * (0.6 * quality + 0.4 * novelty)
    """

    @Test func aRealRunRecordedOnTheLocalServerReplaysByteForByteWithNoServer() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-live-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("reviews.gen")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let cassette = directory.appendingPathComponent("reviews.gen.cassette.jsonl")
        let recorded = directory.appendingPathComponent("recorded")
        let started = Date()
        do {
            let result = try await Engine().run(
                RunRequest(scriptPath: script.path, outDirectory: recorded, seed: 16, exportInterval: 0, cassette: .record(cassette)))
            #expect(result.outcome.end == .targetReached)
        } catch let failure as RunFailure {
            Issue.record("the local LLM servers are not answering at \(LiveRunTests.chatURL); run scripts/llm-server.sh start (\(failure))")
            return
        }
        let recordSeconds = Date().timeIntervalSince(started)
        try await ReportWriter.write(runDirectory: recorded)
        let text = try String(contentsOf: cassette, encoding: .utf8)
        let exchanges = text.split(separator: "\n").compactMap { CanonicalJSON.parse(String($0)) }
        #expect(exchanges.contains { $0["request"]?["kind"]?.stringValue == "embeddings" }, "the similarity check's embeddings are recorded")
        #expect(exchanges.contains { $0["caller"]?.stringValue == "check `judge`" })

        // The replay's clients have no URL: the servers could be gone, and nothing would change.
        let replayed = directory.appendingPathComponent("replayed")
        let replayStarted = Date()
        let result = try await Engine().run(
            RunRequest(scriptPath: script.path, outDirectory: replayed, seed: 16, exportInterval: 0, cassette: .replay(cassette)))
        let replaySeconds = Date().timeIntervalSince(replayStarted)
        #expect(result.outcome.end == .targetReached)
        try await ReportWriter.write(runDirectory: replayed)
        try await ReplayComparison.expectSameResults(recorded: recorded, replayed: replayed)
        print("live record/replay: \(exchanges.count) exchanges, \(text.utf8.count) bytes; recorded in "
              + "\(NumberText.fixed(recordSeconds, 1)) s, replayed in \(NumberText.fixed(replaySeconds, 2)) s")
    }
}
