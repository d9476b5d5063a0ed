import Foundation
import Testing
import GenCore
import GenRun
import GenStore
import GenReport
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

/// Issue 5's end-to-end: rules, a similarity score on the embeddings server, a judge score, an entailment
/// check and near-dedup on the real servers; the store holds every check's result for every candidate.
@Suite(.serialized) struct LiveQualityRunTests {
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
      count: 6
      batch: 3
      constraints: ["The sentiment is clear from the sentence alone"]
    }
    arm careful = naive(local, temperature: 0.3)
    arm bold = naive(local, temperature: 1.0)
    router thompson()
    quality {
      rule "schema" valid(sample)
      rule "no meta talk" no_meta_talk(sample.text)
      score "about movies" similarity(sample.text, spec.domain, using: embedder) weight 0.3
      score "label fits" entails(sample.text, "The review is \\(sample.label).", using: local) weight 0.4
      score "judged" judge(sample, using: local) weight 0.3
      dedup near(0.7)
    }
    reward = passed * (0.6 * quality + 0.4 * novelty)
    """

    @Test func everyCheckIsStoredForEveryCandidateOnTheRealServers() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-live-quality-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let scriptURL = directory.appendingPathComponent("reviews.gen")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let result = try await Engine().run(RunRequest(scriptPath: scriptURL.path, outDirectory: out, seed: 3))
        #expect(result.outcome.end == .targetReached)
        let store = try RunStore(opening: out, access: .readOnly)
        let batches = try await store.resumeInfo().nextBatchIndex
        var judged = 0
        for batch in 0..<batches {
            for candidate in try await store.candidates(batch: batch) {
                let record = candidate.record
                guard record.sample != nil else { continue }
                let kinds = Set(record.checks.map(\.kind))
                #expect(kinds.contains("schema"), "batch \(batch) slot \(record.slot): \(kinds)")
                // Whoever passed the in-process gates went through every model check, each with its score.
                let passedCheap = record.checks.filter { ["schema", "rule", "dedup"].contains($0.kind) }.allSatisfy(\.passed)
                if passedCheap {
                    for check in ["similarity", "entails", "judge"] {
                        let stored = record.checks.first { $0.kind == check }
                        #expect(stored?.score.map { (0...1).contains($0) } == true, "\(check) missing for slot \(record.slot)")
                    }
                    #expect(record.checks.first { $0.kind == "similarity" }.map { "\($0.detail)".contains("embedding") } == true)
                    judged += 1
                }
            }
        }
        #expect(judged >= 6)
        // Judgments are cached by content in the store, so a resumed run re-pays nothing.
        #expect(try await store.cacheCount(kind: "judge") >= judged)
        // The report says how each model check was computed (embeddings, not the lexical fallback; logprobs).
        let report = try await ReportWriter.write(runDirectory: out)
        let html = try String(contentsOf: report.report, encoding: .utf8)
        #expect(html.contains("table-check-methods"))
        #expect(html.contains("embedding cosine"))
        #expect(html.contains("logprobs"))
    }
}
