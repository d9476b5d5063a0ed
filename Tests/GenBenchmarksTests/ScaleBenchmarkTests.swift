import Foundation
import GenCore
import GenEngine
import Testing
@testable import GenCLI
@testable import GenBenchmarks

/// `gen-bench scale` (issue 14): the arithmetic, the flags and one small run end to end.
@Suite struct ScaleBenchmarkTests {
    @Test func theIdealRateIsEveryEndpointAlwaysBusyAtTheMeanLatency() {
        let fleet = StubFleet.Settings(endpoints: 64, concurrency: 16, median: 1.0, sigma: 0.5)
        #expect(abs(fleet.meanLatency - exp(0.125)) < 1e-12)
        #expect(abs(fleet.idealRate - 1024 / exp(0.125)) < 1e-9)
        #expect(StubFleet.Settings(endpoints: 1, concurrency: 16, median: 2, sigma: 0).idealRate == 8)
        let options = ScaleBenchmark.Options()
        #expect(options.batchSize(endpoints: 1) == 16 && options.batchSize(endpoints: 16) == 256 && options.batchSize(endpoints: 64) == 256)
        #expect(options.depth(endpoints: 1) == 8 && options.depth(endpoints: 16) == 8 && options.depth(endpoints: 64) == 32)
        #expect(options.count(endpoints: 64) == Int((fleet.idealRate * options.seconds).rounded()))
    }

    @Test func theTargetNeedsNinetyPercentOfIdealUnderOneCore() {
        let row = ScaleBenchmark.Row(endpoints: 64, concurrency: 16, idealRate: 900, accepted: 9000, candidates: 9100, seconds: 11, cpuSeconds: 9.9)
        #expect(abs(row.rate - 9100.0 / 11) < 1e-9 && abs(row.share - 9100.0 / 11 / 900) < 1e-12)
        #expect(abs(row.cpuPerSample - 9.9 / 9100) < 1e-15 && abs(row.cores - 0.9) < 1e-12)
        #expect(row.meetsTarget)
        var slow = row
        slow.seconds = 12.0  // 84% of ideal
        #expect(!slow.meetsTarget)
        var busy = row
        busy.cpuSeconds = 11.5  // 1.05 cores
        #expect(!busy.meetsTarget)
        let text = ScaleBenchmark.report([row], options: ScaleBenchmark.Options())
        #expect(text.contains("91.9% with 0.90 cores: MET"), "\(text)")
    }

    @Test func theScriptsModelIsAPoolOfTheFleetsEndpoints() throws {
        let urls = ["http://127.0.0.1:9001/v1", "http://127.0.0.1:9002/v1"]
        let text = ScaleBenchmark.script(urls: urls, concurrency: 16, count: 500, batch: 32, pipeline: 8)
        #expect(text.contains("base_urls: [\"http://127.0.0.1:9001/v1\", \"http://127.0.0.1:9002/v1\"]"), "\(text)")
        #expect(text.contains("max_concurrency: 16") && text.contains("  batch: 32\n  pipeline: 8\n  max_candidates: 1500\n"))
        let compiled = Engine(variables: [:]).compile(source: text, path: "scale.gen", directory: URL(fileURLWithPath: "/tmp"))
        #expect(!compiled.hasErrors, "\(compiled.rendered())")
        #expect(compiled.graph?.spec.pipeline == 8)
    }

    @Test func theRateAfterTheFirstCommitLeavesStartUpOut() {
        let marks: [(seconds: Double, candidates: Int)] = [(5, 50), (6, 100), (7, 400), (9, 900), (13, 1050)]
        #expect(CommitClock.rateAfterFirst(marks) == 1000.0 / 8)
        #expect(CommitClock.rateAfterFirst([(1, 1000)]) == nil)
    }

    @Test func lognormalDelaysHaveTheirMedianAndAreSeeded() {
        var random = SeededRandom(seed: 3)
        let delay = Lognormal(median: 0.8, sigma: 0.5)
        let draws = (0..<4001).map { _ in delay.draw(&random) }.sorted()
        #expect(abs(draws[2000] - 0.8) < 0.04)
        var first = SeededRandom(seed: 3), second = SeededRandom(seed: 3)
        #expect(delay.draw(&first) == delay.draw(&second))
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - StubFleet.Settings(endpoints: 1, median: 0.8, sigma: 0.5).meanLatency) < 0.03)
    }

    @Test func flagsAreCheckedAndPassedOn() throws {
        let parsed = ParsedArguments(positionals: ["scale"], values: [
            "endpoints": "2,8", "concurrency": "4", "median": "0.25", "sigma": "0.3", "seconds": "5", "batch": "64",
            "pipeline": "3", "fleet": "in-process", "seeds": "9", "adaptive": "off"])
        let options = try OtherBenchmarks.scaleOptions(parsed)
        #expect(options.endpointCounts == [2, 8] && options.concurrency == 4 && options.median == 0.25 && options.sigma == 0.3)
        #expect(options.seconds == 5 && options.batch == 64 && options.depth(endpoints: 2) == 3 && options.inProcessFleet && options.seed == 9 && !options.adaptive)
        #expect(options.fleet(endpoints: 2).arguments
                == ["stub-fleet", "--endpoints", "2", "--concurrency", "4", "--median", "0.25", "--sigma", "0.3", "--seeds", "9"])
        #expect(throws: UsageError.self) { try OtherBenchmarks.scaleOptions(ParsedArguments(values: ["median": "soon"])) }
        #expect(throws: UsageError.self) { try OtherBenchmarks.scaleOptions(ParsedArguments(values: ["sigma": "-1"])) }
        #expect(throws: UsageError.self) { try OtherBenchmarks.scaleOptions(ParsedArguments(values: ["endpoints": "0"])) }
    }

    @Test func aSmallFleetRunsEndToEnd() async throws {
        let console = CapturingConsole()
        let code = await CommandLineTool.execute(
            BenchCommand.command,
            arguments: ["scale", "--endpoints", "2", "--concurrency", "4", "--median", "0.01", "--sigma", "0.5", "--seconds", "0.5",
                        "--pipeline", "3", "--fleet", "in-process"],
            console: console)
        let out = console.stdoutText
        #expect(code == 0, "\(out)\(console.stderrText)")
        #expect(out.hasPrefix("gen-bench scale: 4 concurrent requests per endpoint, latency lognormal (median 0.01 s"), "\(out)")
        #expect(!out.contains("adaptive concurrency off"))
        #expect(out.contains("note: the fleet ran in this process"))
        let row = try #require(out.split(separator: "\n").first { $0.hasPrefix("2 ") })
        let cells = row.split(separator: " ")
        #expect(cells.count == 12, "\(row)")
        #expect(cells[11] == "-", "the fleet ran in this process")
        // endpoints, batch (2 x 4 is under 16), samples: about half a second of 2 x 4 / mean latency.
        #expect(cells[1] == "16")
        #expect((Int(cells[2]) ?? 0) >= Int((StubFleet.Settings(endpoints: 2, concurrency: 4, median: 0.01).idealRate * 0.5).rounded()))
        #expect(console.stderrText.contains("2 endpoints: "))
    }
}
