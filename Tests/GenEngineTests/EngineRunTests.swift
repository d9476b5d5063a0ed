import Foundation
import Testing
import GenCore
import GenRun
import GenStore
import GenTestSupport
@testable import GenEngine

/// The whole loop through real HTTP clients against a stub OpenAI server on loopback.
@Suite(.serialized) struct EngineRunTests {
    func writeScript(url: String, count: Int = 12) throws -> (script: String, out: URL) {
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: url, count: count).write(to: script, atomically: true, encoding: .utf8)
        return (script.path, directory.appendingPathComponent("run"))
    }

    @Test func aRunReachesItsTargetAndTheFilesAgreeWithTheStore() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let (script, out) = try writeScript(url: server.baseURL)
        let result = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out, seed: 7))
        #expect(result.outcome.end == .targetReached)
        #expect(result.exported.accepted == 12)
        let lines = try String(contentsOf: out.appendingPathComponent("dataset.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 12)
        let rejected = try String(contentsOf: out.appendingPathComponent("rejected.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(rejected.count == result.exported.rejected)
        #expect(result.outcome.progress.candidates == 12 + rejected.count)
        #expect(rejected.contains { $0.contains("truncated JSON") })
        let store = try RunStore(opening: out, access: .readOnly)
        let verification = try await store.verifyExports()
        #expect(verification.isConsistent)
        let reasons = try await store.rejectionReasons()
        #expect(!reasons.isEmpty)
    }

    @Test func theDatasetFileFollowsTheStoreWhileTheRunGoes() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let (script, out) = try writeScript(url: server.baseURL, count: 16)
        actor LineCounter: RunObserver {
            let file: URL
            var seen: [(accepted: Int, lines: Int)] = []
            init(_ file: URL) { self.file = file }
            func batchFinished(_ progress: RunProgress) async {
                let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
                seen.append((progress.accepted, text.split(separator: "\n").count))
            }
        }
        let counter = LineCounter(out.appendingPathComponent("dataset.jsonl"))
        _ = try await Engine(variables: [:]).run(
            RunRequest(scriptPath: script, outDirectory: out, seed: 5, exportInterval: 0), observer: counter)
        let seen = await counter.seen
        #expect(seen.count >= 2)
        for batch in seen { #expect(batch.lines == batch.accepted, "after each batch the file holds every accepted sample") }
    }

    @Test func aServerThatIsDownLeavesNoRunBehindSoTheSameCommandWorksOnceItIsUp() async throws {
        let port = try StubHTTPServer.unusedPort()
        let (script, out) = try writeScript(url: "http://127.0.0.1:\(port)/v1", count: 4)
        let request = RunRequest(scriptPath: script, outDirectory: out, seed: 2)
        await #expect(throws: RunFailure.self) { try await Engine(variables: [:]).run(request) }
        let server = try StubModelServer.start()
        defer { server.stop() }
        let text = try String(contentsOfFile: script, encoding: .utf8)
            .replacingOccurrences(of: "http://127.0.0.1:\(port)/v1", with: server.baseURL)
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try await Engine(variables: [:]).run(request)
        #expect(result.outcome.end == .targetReached)
    }

    @Test func batchMetricsReachTheRewardExpression() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let (script, out) = try writeScript(url: server.baseURL, count: 8)
        let text = try String(contentsOfFile: script, encoding: .utf8)
            .replacingOccurrences(of: "reward = passed * (0.6 * quality + 0.4 * novelty)", with: "reward = accept_rate")
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out, seed: 4))
        let store = try RunStore(opening: out, access: .readOnly)
        for batch in 0..<(try await store.resumeInfo().nextBatchIndex) {
            let records = try await store.candidates(batch: batch).map(\.record)
            // Every candidate gets its own arm's acceptance rate in the batch (passing candidates / all).
            for arm in Set(records.map(\.arm)) {
                let mine = records.filter { $0.arm == arm }
                let passing = mine.filter { $0.verdict == .accepted || SurplusReason.isSurplus($0.reasons) }
                let rate = Double(passing.count) / Double(mine.count)
                #expect(mine.allSatisfy { abs($0.reward - rate) < 1e-9 }, "batch \(batch) arm \(arm)")
            }
            // The store keeps the whole batch's figures and each arm's.
            let metrics = try #require(try await store.batches().first { $0.index == batch }?.metrics)
            let all = records.filter { $0.verdict == .accepted || SurplusReason.isSurplus($0.reasons) }
            #expect(abs((metrics["accept_rate"]?.doubleValue ?? -1) - Double(all.count) / Double(records.count)) < 1e-9)
            #expect(Set(metrics["arms"]?.objectValue?.keys.map { $0 } ?? []) == Set(records.map(\.arm)))
            // diversity_gain adds up over the arms, and a batch that accepted something gained diversity.
            let armGains = metrics["arms"]?.objectValue?.values.compactMap { $0["diversity_gain"]?.doubleValue } ?? []
            #expect(abs(armGains.reduce(0, +) - (metrics["diversity_gain"]?.doubleValue ?? -1)) < 1e-9)
            if records.contains(where: { $0.verdict == .accepted }) { #expect((metrics["diversity_gain"]?.doubleValue ?? 0) > 0) }
        }
    }

    @Test func theSameSeedGivesTheSameDataset() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let first = try writeScript(url: server.baseURL)
        let second = try writeScript(url: server.baseURL)
        _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: first.script, outDirectory: first.out, seed: 3))
        _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: second.script, outDirectory: second.out, seed: 3))
        let a = try String(contentsOf: first.out.appendingPathComponent("dataset.jsonl"), encoding: .utf8)
        let b = try String(contentsOf: second.out.appendingPathComponent("dataset.jsonl"), encoding: .utf8)
        #expect(a == b)
    }

    @Test func resumeContinuesAStoppedRunToItsTarget() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let (script, out) = try writeScript(url: server.baseURL, count: 16)
        let stop = StopSignal()
        actor StopAfterFirstBatch: RunObserver {
            let stop: StopSignal
            init(_ stop: StopSignal) { self.stop = stop }
            func batchFinished(_ progress: RunProgress) async { stop.request("test stop") }
        }
        let partial = try await Engine(variables: [:]).run(
            RunRequest(scriptPath: script, outDirectory: out, seed: 5), observer: StopAfterFirstBatch(stop), stop: stop)
        #expect(partial.outcome.end == .stopped("test stop"))
        #expect(partial.exported.accepted < 16)
        let resumed = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out, resume: true))
        #expect(resumed.outcome.end == .targetReached)
        #expect(resumed.exported.accepted == 16)
        let lines = try String(contentsOf: out.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(Set(lines).count == 16)
    }

    @Test func anExistingRunIsNeverOverwritten() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let (script, out) = try writeScript(url: server.baseURL, count: 4)
        _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out))
        await #expect(throws: RunFailure.runExists(out.path)) {
            _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out))
        }
    }

    @Test func anUnreachableServerStopsBeforeAnyToken() async throws {
        let port = try GenTestSupportPorts.unused()
        let (script, out) = try writeScript(url: "http://127.0.0.1:\(port)/v1")
        do {
            _ = try await Engine(variables: [:]).run(RunRequest(scriptPath: script, outDirectory: out))
            Issue.record("the run should not start")
        } catch let failure as RunFailure {
            #expect("\(failure)".contains("http://127.0.0.1:\(port)/v1"))
            #expect("\(failure)".contains("scripts/llm-server.sh start"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing was created for a run that never started")
    }
}


enum GenTestSupportPorts {
    static func unused() throws -> UInt16 { try StubHTTPServer.unusedPort() }
}
