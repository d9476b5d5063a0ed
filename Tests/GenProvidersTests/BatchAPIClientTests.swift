import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Synchronization
import Testing

/// The batch-mode client against a stub of OpenAI's batch API: concurrent calls become one batch, each gets its own
/// line back whatever the file order, failed and expired lines are resubmitted, a failed batch fails its calls with
/// its id and the server's reason, the key stays out of every message, and a stopped client's batch is collected by
/// the next client that shares its journal instead of being created again.
@Suite struct BatchAPIClientTests {
    static let key = "sk-batch-SECRET-0123456789abcdef"

    /// Answers each request with its own prompt, so a mix-up shows.
    static let echo: @Sendable (StubRequest) -> StubResponse = { request in
        let prompt = request.json?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        return .json(OpenAIStubBodies.chatCompletion("answer to " + prompt, promptTokens: 11, completionTokens: 7))
    }

    /// A stop request a test can raise.
    final class Flag: Sendable {
        private let raised = Mutex(false)
        func raise() { raised.withLock { $0 = true } }
        var isRaised: Bool { raised.withLock { $0 } }
    }

    /// What a client reported of its batches.
    final class Reports: Sendable {
        private let seen = Mutex<[BatchProgress]>([])
        func add(_ progress: BatchProgress) { seen.withLock { $0.append(progress) } }
        var all: [BatchProgress] { seen.withLock { $0 } }
    }

    /// `lines`: how many calls a test makes at once. The batch is sent when that many have arrived (the size cap), so
    /// grouping does not depend on timing; the long linger is only a backstop.
    static func client(
        _ server: StubBatchServer, lines: Int, maxAttempts: Int = 3, stop: Flag = Flag(), usage: UsageAccountant = UsageAccountant(),
        environment: [String: String] = [:], keyVariable: String? = nil, reports: Reports = Reports()
    ) throws -> BatchAPIClient {
        let configuration = ClientConfiguration(
            baseURL: server.baseURL, apiKeyVariable: keyVariable, timeout: 5,
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(10), jitter: 0))
        return try BatchAPIClient(
            configuration: configuration, settings: BatchSettings(pollInterval: 0.02, linger: 5, maxLines: lines), environment: environment,
            usage: usage, stopRequested: { stop.isRaised }, progress: { reports.add($0) })
    }

    static func prompts(_ count: Int, _ prefix: String = "prompt") -> [String] { (0..<count).map { "\(prefix) \($0)" } }

    /// Every prompt's call at once; the answers (or errors) in prompt order.
    static func chatAll(_ client: BatchAPIClient, _ prompts: [String]) async -> [Result<ChatResponse, any Error>] {
        await withTaskGroup(of: (Int, Result<ChatResponse, any Error>).self) { group in
            for (index, prompt) in prompts.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try await client.chat(ChatRequest(model: "smollm2", messages: [.user(prompt)], seed: index))))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results: [(Int, Result<ChatResponse, any Error>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    @Test func concurrentCallsBecomeOneBatchAndEachGetsItsOwnLine() async throws {
        let server = try StubBatchServer(answer: Self.echo)
        defer { server.stop() }
        let usage = UsageAccountant()
        let reports = Reports()
        let prompts = Self.prompts(6)
        let results = await Self.chatAll(try Self.client(server, lines: 6, usage: usage, reports: reports), prompts)
        for (prompt, result) in zip(prompts, results) {
            #expect((try? result.get().text) == "answer to " + prompt)
            #expect((try? result.get().attempts) == 1)
        }
        #expect(server.createdBatches.count == 1)
        #expect(server.createdBatches.first?.customIDs.count == 6)
        #expect(Set(server.createdBatches.first?.customIDs ?? []).count == 6, "custom ids are unique in a file")
        // Tokens are accounted per answer, as online.
        let totals = await usage.totals(for: "smollm2")
        #expect(totals.requests == 6 && totals.promptTokens == 66 && totals.completionTokens == 42)
        // The lines hold the online client's body, and no chat request went online.
        #expect(server.createdBatches.first?.bodies.allSatisfy { $0["model"]?.stringValue == "smollm2" && $0["messages"] != nil } == true)
        #expect(!server.requests.contains { $0.route.hasSuffix("/chat/completions") })
        // Each change of status is reported once, with the request counts.
        let id = try #require(server.createdBatches.first?.id)
        #expect(reports.all == [
            BatchProgress(batchID: id, status: "validating", done: 0, total: 6), BatchProgress(batchID: id, status: "finalizing", done: 0, total: 6),
            BatchProgress(batchID: id, status: "completed", done: 6, total: 6),
        ])
        let upload = try #require(server.requests.first { $0.route.hasSuffix("/files") })
        #expect(upload.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)
    }

    @Test func failedLinesAreResubmittedInALaterBatch() async throws {
        let server = try StubBatchServer(planner: { number, _ in
            StubBatchServer.Plan(failLine: { body in
                number == 0 && (body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? "").hasPrefix("flaky") ? 500 : nil
            })
        }, answer: Self.echo)
        defer { server.stop() }
        let prompts = Self.prompts(4) + Self.prompts(2, "flaky")
        let results = await Self.chatAll(try Self.client(server, lines: 6), prompts)
        for (prompt, result) in zip(prompts, results) {
            #expect((try? result.get().text) == "answer to " + prompt)
            #expect((try? result.get().attempts) == (prompt.hasPrefix("flaky") ? 2 : 1))
        }
        #expect(server.createdBatches.count == 2)
        let resubmitted = server.createdBatches.last?.bodies.compactMap { $0["messages"]?.arrayValue?.last?["content"]?.stringValue }
        #expect(Set(resubmitted ?? []) == ["flaky 0", "flaky 1"])
    }

    @Test func aLineThatKeepsFailingFailsOnlyItsOwnCall() async throws {
        let server = try StubBatchServer(planner: { _, _ in
            StubBatchServer.Plan(failLine: { body in
                (body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? "") == "bad" ? 500 : nil
            })
        }, answer: Self.echo)
        defer { server.stop() }
        let results = await Self.chatAll(try Self.client(server, lines: 2, maxAttempts: 2), ["good", "bad"])
        #expect((try? results[0].get().text) == "answer to good")
        guard case .failure(let error as LLMError) = results[1], case .batchLineFailed(_, let batchID, let status, _, let attempts) = error else {
            Issue.record("expected batchLineFailed, got \(results[1])")
            return
        }
        #expect(status == 500 && attempts == 2 && batchID == server.createdBatches.last?.id)
        #expect(error.description.contains("after 2 attempts") && error.description.contains("HTTP 500"))
        #expect(!error.stopsRun)
        #expect(server.createdBatches.count == 2)
    }

    @Test func anExpiredBatchKeepsWhatItCompletedAndResubmitsTheRest() async throws {
        let server = try StubBatchServer(planner: { number, _ in
            StubBatchServer.Plan(outcome: number == 0 ? .expired(completing: 2) : .completed)
        }, answer: Self.echo)
        defer { server.stop() }
        let prompts = Self.prompts(5)
        let results = await Self.chatAll(try Self.client(server, lines: 5), prompts)
        for (prompt, result) in zip(prompts, results) { #expect((try? result.get().text) == "answer to " + prompt) }
        #expect(server.createdBatches.count == 2)
        #expect(server.createdBatches.last?.customIDs.count == 3)
        #expect(server.answeredLines == 5, "nothing answered is asked again")
    }

    @Test func aBatchThatFailsAsAWholeFailsItsCallsNamingTheBatch() async throws {
        let server = try StubBatchServer(planner: { _, _ in StubBatchServer.Plan(outcome: .failed("model smollm3 is not available for batch")) })
        defer { server.stop() }
        let results = await Self.chatAll(try Self.client(server, lines: 3), Self.prompts(3))
        let id = try #require(server.createdBatches.first?.id)
        for result in results {
            guard case .failure(let error as LLMError) = result else {
                Issue.record("expected a failure, got \(result)")
                continue
            }
            #expect(error == .batchFailed(url: server.baseURL, batchID: id, serverMessage: "batch_failed: model smollm3 is not available for batch"))
            #expect(error.description.contains(id))
        }
        #expect(server.createdBatches.count == 1, "a failed batch is not resubmitted")
    }

    @Test func theKeyReachesTheServerButNeverAMessage() async throws {
        let server = try StubBatchServer(apiKey: Self.key, planner: { _, _ in
            StubBatchServer.Plan(outcome: .failed("rejected credentials: Bearer \(Self.key)"))
        })
        defer { server.stop() }
        let client = try Self.client(server, lines: 1, environment: ["GEN_BATCH_KEY": Self.key], keyVariable: "GEN_BATCH_KEY")
        let results = await Self.chatAll(client, ["hi"])
        guard case .failure(let error) = results[0] else {
            Issue.record("expected a failure")
            return
        }
        for text in [String(describing: error), String(reflecting: error), String(describing: client)] {
            #expect(!text.contains(Self.key))
        }
        #expect(String(describing: error).contains("Bearer <redacted>"))
        #expect(server.requests.allSatisfy { $0.header("Authorization") == "Bearer \(Self.key)" })
    }

    @Test func aStoppedClientsBatchIsCollectedByTheNextInsteadOfCreatedAgain() async throws {
        let server = try StubBatchServer(answer: Self.echo)
        defer { server.stop() }
        server.held = true
        let journal = InMemoryBatchJournal()
        let stop = Flag()
        let first = try Self.client(server, lines: 4, stop: stop)
        try await first.attach(journal: journal)
        let prompts = Self.prompts(4)
        async let stopped = Self.chatAll(first, prompts)
        // Stop once the batch is on the server and being polled.
        let deadline = Date().addingTimeInterval(600)
        while server.requests.filter({ $0.route.contains("/batches/") }).count < 2, Date() < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(!server.createdBatches.isEmpty, "no batch was created in time")
        stop.raise()
        for result in await stopped {
            guard case .failure(let error as LLMError) = result, case .batchWaitStopped(_, let batchID) = error else {
                Issue.record("expected batchWaitStopped, got \(result)")
                continue
            }
            #expect(batchID == server.createdBatches.first?.id && error.stopsRun)
        }
        let batchID = try #require(server.createdBatches.first?.id)
        #expect(await journal.claimableLines(endpoint: server.baseURL).count == 4)

        server.held = false
        let second = try Self.client(server, lines: 4)
        try await second.attach(journal: journal)
        let results = await Self.chatAll(second, prompts)
        for (prompt, result) in zip(prompts, results) { #expect((try? result.get().text) == "answer to " + prompt) }
        #expect(server.createdBatches.count == 1, "the journaled batch was collected, not created again")
        #expect(server.answeredLines == 4)
        // Delivered, then consumed by the run's next commit.
        #expect(await journal.state(batchID: batchID, customID: "req-0") == .delivered)
        await journal.commitDelivered()
        #expect(await journal.claimableLines(endpoint: server.baseURL).isEmpty)
    }

    @Test func batchModeStillListsModelsForPreflight() async throws {
        let server = try StubBatchServer()
        defer { server.stop() }
        #expect(try await Self.client(server, lines: 1).listModels() == ["smollm2"])
    }
}
