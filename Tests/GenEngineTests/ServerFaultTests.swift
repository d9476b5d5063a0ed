import Foundation
import Testing
import GenCore
import GenRun
import GenStore
import GenTestSupport
@testable import GenEngine

/// Server faults during a run, through the real HTTP client: the run either completes correctly or
/// stops with a clear error, and never loses or duplicates an accepted sample.
@Suite(.serialized) struct ServerFaultTests {
    /// The well-behaved stub, except chat requests whose arrival index matches `fault`.
    static func faultyServer(_ fault: @escaping @Sendable (Int) -> StubResponse?) throws -> StubHTTPServer {
        try StubHTTPServer { request, index in
            if request.path.hasSuffix("/chat/completions"), let response = fault(index) { return response }
            return StubModelServer.answer(request)
        }
    }

    func run(url: String, count: Int = 8, modelOptions: String = "") async throws -> (RunResult, URL) {
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: url, count: count, modelOptions: modelOptions)
            .write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        return (try await Engine(variables: [:]).run(RunRequest(scriptPath: script.path, outDirectory: out, seed: 9)), out)
    }

    func expectConsistent(_ out: URL, accepted: Int) async throws {
        let store = try RunStore(opening: out, access: .readOnly)
        #expect(try await store.verifyExports().isConsistent)
        let hashes = try await store.acceptedSamples().map(\.contentHash)
        #expect(hashes.count == accepted)
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func intermittent500sAreRetriedAndTheRunCompletes() async throws {
        let server = try Self.faultyServer { $0 % 3 == 1 ? .json(.object(["error": .string("boom")]), status: 500) : nil }
        defer { server.stop() }
        let (result, out) = try await run(url: server.baseURL)
        #expect(result.outcome.end == .targetReached)
        try await expectConsistent(out, accepted: 8)
    }

    @Test func rateLimitsWithRetryAfterAreHonoured() async throws {
        let server = try Self.faultyServer {
            $0 % 4 == 2 ? StubResponse(status: 429, headers: ["retry-after": "0"], body: Data("{}".utf8)) : nil
        }
        defer { server.stop() }
        let (result, out) = try await run(url: server.baseURL)
        #expect(result.outcome.end == .targetReached)
        try await expectConsistent(out, accepted: 8)
    }

    @Test func stallsPastTheTimeoutAreRetried() async throws {
        let server = try Self.faultyServer { index in
            index % 5 == 3 ? StubResponse(status: 200, body: Data("{}".utf8), delay: .seconds(3)) : nil
        }
        defer { server.stop() }
        let (result, out) = try await run(url: server.baseURL, modelOptions: ", timeout: 1")
        #expect(result.outcome.end == .targetReached)
        try await expectConsistent(out, accepted: 8)
    }

    @Test func truncatedResponseBodiesBecomeRejectionsNotCrashes() async throws {
        let server = try Self.faultyServer { $0 % 3 == 0 ? .text("{\"id\": \"x\", \"choices\": [", status: 200) : nil }
        defer { server.stop() }
        let (result, out) = try await run(url: server.baseURL)
        #expect(result.outcome.end == .targetReached)
        try await expectConsistent(out, accepted: 8)
        let rejected = try String(contentsOf: out.appendingPathComponent("rejected.jsonl"), encoding: .utf8)
        #expect(rejected.contains("generation failed"))
    }

    /// Before, a server answering 500 to every request ran on for 90 s and 488 requests until killed, each
    /// failure recorded as a rejected candidate. Now a few batches of failed requests stop it (exit 70).
    @Test func aServerThatFailsEveryRequestStopsTheRunSoon() async throws {
        let server = try Self.faultyServer { _ in .json(.object(["error": .string("boom")]), status: 500) }
        defer { server.stop() }
        do {
            _ = try await run(url: server.baseURL, count: 40, modelOptions: ", max_retries: 0")
            Issue.record("the run should stop")
        } catch let halt as RunHalt {
            guard case .serverFailing(let requests, let last) = halt else { return }
            #expect(requests == 16, "two batches of 4, at least 16 failed requests")
            #expect(last.contains("500"), "\(last)")
        }
        #expect(server.requests.filter { $0.path.hasSuffix("/chat/completions") }.count <= 16)
    }

    /// The model id is checked against the server's `/v1/models` before a token is spent.
    @Test func aModelTheServerDoesNotServeStopsTheRunBeforeItStarts() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 4).replacingOccurrences(of: "model: \"smollm2\"", with: "model: \"smollm3\"")
            .write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        do {
            _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: script.path, outDirectory: out, seed: 9))
            Issue.record("the run should not start")
        } catch {
            #expect("\(error)".contains("asks the server at \(server.baseURL) for \"smollm3\", which it does not serve; did you mean \"smollm2\"?"),
                    "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path), "no run directory is left behind")
        #expect(server.requests.allSatisfy { !$0.path.hasSuffix("/chat/completions") })
    }

    /// A run whose every candidate is rejected stops as stalled, short of its target, instead of spinning.
    @Test func aRunThatCanNeverPassStallsWithTheReason() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 10)
            .replacingOccurrences(of: "rule \"no urls\" !matches(sample.text, \"https?://\")", with: "rule \"impossible\" len(sample.text) > 1000")
            .write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let result = try await Engine(variables: [:]).run(RunRequest(scriptPath: script.path, outDirectory: out, seed: 9))
        guard case .stalled(let why) = result.outcome.end else { Issue.record("\(result.outcome.end)"); return }
        #expect(why.contains("rule \"impossible\""), "\(why)")
        #expect(result.outcome.progress.candidates == 100, "the default stall window for batch 4")
        let store = try RunStore(opening: out, access: .readOnly)
        #expect(try await store.info().status == .stopped)
    }

    @Test func aServerThatDiesMidRunStopsWithAClearErrorAndKeepsWhatWasAccepted() async throws {
        // The first chat requests succeed, then every request is refused at the HTTP level with 404 (a server
        // that lost its model): the run must stop with the URL in the message and keep the committed batches.
        let server = try Self.faultyServer { $0 >= 9 ? .json(.object(["detail": .string("Not Found")]), status: 404) : nil }
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 40).write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        do {
            _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: script.path, outDirectory: out, seed: 9))
            Issue.record("the run should stop")
        } catch {
            #expect("\(error)".contains(server.baseURL))
        }
        let store = try RunStore(opening: out, access: .readOnly)
        let accepted = try await store.acceptedCount()
        #expect(accepted > 0)
        try await expectConsistent(out, accepted: accepted)
        #expect(try await store.info().status == .failed)
    }
}

