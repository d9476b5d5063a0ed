import Foundation
import Testing
import GenCore
import GenProviders
import GenRun
import GenStore
import GenTestSupport
@testable import GenEngine

/// Whole runs with the model in batch mode (`mode: "batch"`) against the batch-API stub: exactly the count, tokens
/// and dollars as online, and a run stopped while its batch is on the server resumes that batch instead of paying
/// for it again.
@Suite(.serialized) struct BatchModeRunTests {
    static let options = #", mode: "batch", batch_poll: 0.02, price: {input: 0.075, output: 0.3}"#

    func writeScript(url: String, count: Int) throws -> (script: String, out: URL) {
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: url, count: count, modelOptions: Self.options).write(to: script, atomically: true, encoding: .utf8)
        return (script.path, directory.appendingPathComponent("run"))
    }

    func datasetLines(_ out: URL) throws -> [Substring] {
        try String(contentsOf: out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
    }

    @Test func aBatchModeRunReachesExactlyItsCountWithTheTokensTheServerBilled() async throws {
        let server = try StubBatchServer()
        defer { server.stop() }
        let (script, out) = try writeScript(url: server.baseURL, count: 12)
        actor Waits: RunObserver {
            var lines: [String] = []
            func batchFinished(_ progress: RunProgress) async {}
            func batchAPIProgress(model: String, _ progress: BatchProgress) async { lines.append(ProgressText.batchAPI(model: model, progress)) }
        }
        let waits = Waits()
        let result = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out, seed: 7), observer: waits)
        #expect(result.outcome.end == .targetReached)
        #expect(result.exported.accepted == 12)
        let lines = try datasetLines(out)
        #expect(lines.count == 12 && Set(lines).count == 12)
        #expect(!server.requests.contains { $0.route.hasSuffix("/chat/completions") }, "every chat request went through a batch")
        // The observer (the CLI's status line) heard which batch the run waited on.
        let heard = await waits.lines
        #expect(heard.contains { $0.hasPrefix("model local: waiting on batch \(server.createdBatches.first?.id ?? "?") (") })
        #expect(heard.contains { $0.hasPrefix("model local: batch \(server.createdBatches.first?.id ?? "?") completed") })
        // One batch per run batch, as the run's slots arrive together (more only if a machine under load spreads them
        // past the linger).
        let store = try RunStore(opening: out, access: .readOnly)
        let runBatches = try await store.resumeInfo().nextBatchIndex
        #expect(server.createdBatches.count >= runBatches)
        #expect(try await store.batchJobs().map(\.batchID) == server.createdBatches.map(\.id))
        #expect(try await store.batchJobs().allSatisfy { $0.status == "completed" })
        #expect(try await store.claimableBatchJobLines(endpoint: server.baseURL).isEmpty, "every line was consumed by a commit")
        // Tokens and dollars are what the server answered, as online.
        var prompt = 0, completion = 0
        for body in server.createdBatches.flatMap(\.bodies) {
            let answer = StubModelServer.answer(StubRequest(method: "POST", path: "/v1/chat/completions", headers: [:],
                                                            body: Data(CanonicalJSON.string(body).utf8)))
            let usage = CanonicalJSON.parse(String(decoding: answer.body, as: UTF8.self))?["usage"]
            prompt += Int(usage?["prompt_tokens"]?.doubleValue ?? 0)
            completion += Int(usage?["completion_tokens"]?.doubleValue ?? 0)
        }
        #expect(result.outcome.progress.tokens == prompt + completion)
        #expect(try await store.tokensUsed() == prompt + completion)
        let dollars = try #require(try await store.dollarsSpent())
        #expect(abs(dollars - (Double(prompt) * 0.075 + Double(completion) * 0.3) / 1_000_000) < 1e-12)
    }

    @Test func aRunStoppedWhileItsBatchIsOnTheServerResumesThatBatchInsteadOfPayingTwice() async throws {
        let server = try StubBatchServer()
        defer { server.stop() }
        server.held = true
        let (script, out) = try writeScript(url: server.baseURL, count: 8)
        let stop = StopSignal()
        async let first = Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out, seed: 5), stop: stop)
        let deadline = Date().addingTimeInterval(600)
        while server.requests.filter({ $0.route.contains("/batches/") }).count < 2, Date() < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        stop.request("test stop")
        let stopped = try await first
        #expect(stopped.outcome.end == .stopped("test stop"))
        #expect(stopped.exported.accepted == 0, "the batch in flight was not written")
        // The run batch's slots went into one API batch (two only if a loaded machine spread them past the linger).
        let pending = server.createdBatches
        #expect(!pending.isEmpty)
        do {
            let store = try RunStore(opening: out, access: .readOnly)
            #expect(try await store.batchJobs().map(\.batchID) == pending.map(\.id))
            #expect(try await store.claimableBatchJobLines(endpoint: server.baseURL).count == pending.reduce(0) { $0 + $1.bodies.count })
            #expect(try await store.info().status == .stopped)
            await store.close()
        }

        server.held = false
        let resumed = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out, resume: true))
        #expect(resumed.outcome.end == .targetReached)
        #expect(resumed.exported.accepted == 8)
        let lines = try datasetLines(out)
        #expect(lines.count == 8 && Set(lines).count == 8, "exactly the count, no duplicate sample")
        // The stopped batch's requests were created once, and collected: none was sent again.
        let created = server.createdBatches
        #expect(Array(created.prefix(pending.count)).map(\.id) == pending.map(\.id))
        for body in pending.flatMap(\.bodies) {
            #expect(created.filter { $0.bodies.contains(body) }.count == 1)
        }
        #expect(server.answeredLines == created.reduce(0) { $0 + $1.bodies.count }, "every answered line was asked once")
    }

    @Test func preflightStillChecksTheModelNameInBatchMode() async throws {
        let server = try StubBatchServer(model: "other-model")
        defer { server.stop() }
        let (script, out) = try writeScript(url: server.baseURL, count: 4)
        await #expect(throws: RunFailure.self) {
            try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out, seed: 1))
        }
        #expect(server.createdBatches.isEmpty)
    }
}
