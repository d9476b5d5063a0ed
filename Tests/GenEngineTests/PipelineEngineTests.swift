import Foundation
import GenCore
import GenStore
import GenTestSupport
import Testing
@testable import GenEngine

/// `spec { pipeline: D }` through the engine, against a real socket: the same seed gives the same dataset, batch
/// for batch, however the server's answers interleave.
@Suite struct PipelineEngineTests {
    func run(pipeline: Int, seed: UInt64) async throws -> (RunResult, [[String]]) {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 30)
            .replacingOccurrences(of: "  batch: 4\n", with: "  batch: 4\n  pipeline: \(pipeline)\n")
            .write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let result = try await Engine(variables: [:]).run(RunRequest(scriptPath: script.path, outDirectory: out, seed: seed))
        let store = try RunStore(opening: out, access: .readOnly)
        var batches: [[String]] = []
        for index in 0..<(try await store.resumeInfo().nextBatchIndex) {
            batches.append(try await store.candidates(batch: index).map { "\($0.record.arm) \($0.contentHash) \($0.record.verdict) \($0.record.reasons)" })
        }
        await store.close()
        return (result, batches)
    }

    @Test func aPipelinedRunGivesTheSameDatasetForTheSameSeed() async throws {
        let (first, firstBatches) = try await run(pipeline: 4, seed: 13)
        let (second, secondBatches) = try await run(pipeline: 4, seed: 13)
        #expect(first.outcome.end == .targetReached && first.exported.accepted == 30)
        #expect(first.graph.spec.pipeline == 4)
        #expect(firstBatches == secondBatches)
        let dataset = { (result: RunResult) in try String(contentsOf: result.exported.datasetURL, encoding: .utf8) }
        #expect(try dataset(first) == dataset(second))
    }

    @Test func pipelineOneIsTheDefaultAndOutOfRangeIsAnError() throws {
        let engine = Engine(variables: [:])
        let base = StubModelServer.script(url: "http://127.0.0.1:1/v1", count: 4)
        let directory = URL(fileURLWithPath: "/tmp")
        #expect(engine.compile(source: base, path: "a.gen", directory: directory).graph?.spec.pipeline == nil)
        let one = base.replacingOccurrences(of: "  batch: 4\n", with: "  batch: 4\n  pipeline: 1\n")
        #expect(engine.compile(source: one, path: "a.gen", directory: directory).graph?.spec.pipeline == nil)
        let zero = engine.compile(source: base.replacingOccurrences(of: "  batch: 4\n", with: "  batch: 4\n  pipeline: 0\n"),
                                  path: "a.gen", directory: directory)
        #expect(zero.hasErrors)
        #expect(zero.rendered().contains("`pipeline` must be in [1, 64], got 0"), "\(zero.rendered())")
    }
}
