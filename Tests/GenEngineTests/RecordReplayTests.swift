import Foundation
import Testing
import GenCore
import GenProviders
import GenReport
import GenTestSupport
@testable import GenEngine

/// Record a run against the loopback stub, stop the stub, replay: the same files, with no server.
@Suite(.serialized) struct RecordReplayTests {
    static let secret = "sk-replay-marker-5e1f0a77"

    static func script(url: String, temperature: String = "0.2", pipeline: Int = 1) throws -> URL {
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        let text = StubModelServer.script(url: url, count: 8, modelOptions: ", api_key_env: \"STUB_API_KEY\"")
            .replacingOccurrences(of: "naive(local, temperature: 0.2)", with: "naive(local, temperature: \(temperature))")
            .replacingOccurrences(of: "  batch: 4\n", with: "  batch: 4\n  pipeline: \(pipeline)\n")
        try text.write(to: script, atomically: true, encoding: .utf8)
        return script
    }

    static func record(pipeline: Int = 1) async throws -> (script: URL, cassette: URL, out: URL) {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let script = try Self.script(url: server.baseURL, pipeline: pipeline)
        let cassette = script.deletingLastPathComponent().appendingPathComponent("sms.gen.cassette.jsonl")
        let out = script.deletingLastPathComponent().appendingPathComponent("recorded")
        let result = try await Engine(variables: ["STUB_API_KEY": secret]).run(
            RunRequest(scriptPath: script.path, outDirectory: out, seed: 5, exportInterval: 0, cassette: .record(cassette)))
        #expect(result.outcome.end == .targetReached)
        try await ReportWriter.write(runDirectory: out)
        return (script, cassette, out)
    }

    /// With `pipeline: 3`, batches still generating at the end are cancelled; in the replay they are answered at
    /// once or miss, and neither may change the run.
    @Test(arguments: [1, 3]) func aReplayWithTheServerGoneGivesTheSameDatasetReportAndCard(pipeline: Int) async throws {
        let (script, cassette, recorded) = try await Self.record(pipeline: pipeline)
        let replayed = script.deletingLastPathComponent().appendingPathComponent("replayed")
        // The stub is stopped: its URL now refuses connections, so any request would fail the run.
        let result = try await Engine(variables: ["STUB_API_KEY": Self.secret]).run(
            RunRequest(scriptPath: script.path, outDirectory: replayed, seed: 5, exportInterval: 0, cassette: .replay(cassette)))
        #expect(result.outcome.end == .targetReached)
        try await ReportWriter.write(runDirectory: replayed)
        try await ReplayComparison.expectSameResults(recorded: recorded, replayed: replayed)
    }

    @Test func theCassetteHoldsNoSecretAndNamesWhoAsked() async throws {
        let (_, cassette, _) = try await Self.record()
        let text = try String(contentsOf: cassette, encoding: .utf8)
        #expect(!text.contains(Self.secret))
        #expect(!text.contains(String(Self.secret.prefix(16))))
        #expect(!text.contains("127.0.0.1"), "the server's URL is not part of a cassette")
        #expect(text.contains("\"caller\":\"arm `careful`\""))
        let lines = text.split(separator: "\n")
        #expect(lines.count >= 8)
        let fingerprints = lines.compactMap { CanonicalJSON.parse(String($0))?["fingerprint"]?.stringValue }
        #expect(fingerprints.count == lines.count)
        #expect(fingerprints == fingerprints.sorted(), "a cassette is sorted by fingerprint, so re-recording diffs cleanly")
    }

    @Test func aChangedPolicyFailsItsReplayNamingTheFirstMissingRequest() async throws {
        let (_, cassette, _) = try await Self.record()
        let changed = try Self.script(url: "http://127.0.0.1:9/v1", temperature: "0.3")
        do {
            _ = try await Engine(variables: [:]).run(RunRequest(
                scriptPath: changed.path, outDirectory: changed.deletingLastPathComponent().appendingPathComponent("out"), seed: 5,
                cassette: .replay(cassette)))
            Issue.record("a replay of a changed script succeeded")
        } catch let failure as RunFailure {
            guard case .notInCassette(let message) = failure else {
                Issue.record("expected notInCassette, got \(failure)")
                return
            }
            #expect(message.contains("has no answer for a request of model `local` (smollm2) made by arm `careful`"))
            #expect(message.contains("temperature (recorded 0.2, now 0.3)"))
            #expect(message.contains("--record \(cassette.path)"))
        }
    }
}
