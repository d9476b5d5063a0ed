import Foundation
import GenCore
import GenEngine
import GenTestSupport
import Testing
@testable import GenCLI
@testable import GenBenchmarks

/// `gen-bench percall` (issue 13): the script at per_call N against one sample per request, same seeds.
@Suite struct PerCallBenchmarkTests {
    @Test func groupedRequestsAreComparedWithOneSamplePerRequest() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let script = StubModelServer.temporaryDirectory().appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 8).write(to: script, atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        let code = await CommandLineTool.execute(
            BenchCommand.command, arguments: ["percall", script.path, "--seeds", "4", "--per-call", "4"], console: console)
        let out = console.stdoutText
        #expect(out.hasPrefix("gen-bench percall \(script.path): 8 accepted per run, seeds 4\n"), "\(out)\(console.stderrText)")
        #expect(out.contains("per_call: 4") && out.contains("one sample per request"))
        // The stub charges 60 prompt tokens per request and 20 per sample: four per request cost 35 a candidate, not 80.
        #expect(out.contains("saved by per_call: ") && out.contains("MET"), "\(out)")
        #expect(code == 0)
        #expect(console.stderrText.contains("seed 4, per_call 4: 8 accepted") && console.stderrText.contains("seed 4, per_call 1: 8 accepted"))
    }

    @Test func everyModelArmIsSetAndTemplateArmsAreLeftAlone() throws {
        let compiled = Engine(variables: [:]).compile(
            path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/product_listings.gen").path)
        let graph = try #require(compiled.graph)
        let grouped = PerCallBenchmark.perCall(5, graph)
        for (before, after) in zip(graph.arms, grouped.arms) {
            #expect(after.parameters["per_call"] == (before.model == nil ? nil : .int(5)), "\(after.name)")
        }
    }

    @Test func theTargetIsThirtyPercentFewerTokensPerAcceptedSample() {
        let single = TokenComparison.Figures(tokens: 10_000, candidates: 50, accepted: 50)
        let grouped = TokenComparison.Figures(tokens: 6_900, candidates: 60, accepted: 50)
        #expect(PerCallBenchmark.met(TokenComparison.saving(of: grouped, over: single)))
        let costly = TokenComparison.Figures(tokens: 7_100, candidates: 60, accepted: 50)
        #expect(PerCallBenchmark.verdict(saving: TokenComparison.saving(of: costly, over: single)).hasSuffix("29.0% (target at least 30%): MISSED\n"))
        #expect(!PerCallBenchmark.met(TokenComparison.saving(of: single, over: TokenComparison.Figures())))
    }
}
