import GenCLI
import Foundation
import GenCore
import GenEngine
import GenEval
import GenProviders
import GenQuality
import GenRouter
import GenRuntime

/// The benchmarks other than `parse`, each a thin call into the library that owns the measured part.
enum OtherBenchmarks {
    typealias Flag = BenchCommand.Flag

    static func run(_ what: String, arguments: ParsedArguments, console: Console) async throws -> Int32 {
        switch what {
            case "router":
                let seeds = try arguments.int(Flag.seeds, in: 1...100_000)
                let rows = try RouterBenchmark.run(seeds: seeds) { row in
                    console.writeError("  \(row.problem) batch \(row.batch) \(row.contender): \(String(format: "%.1f", row.meanRegret))\n")
                }
                console.write(RouterBenchmark.table(rows) + "\n")
                let targets = RouterBenchmark.targets(rows)
                for target in targets { console.write("\(target)\n") }
                // A missed target is a failed gate: it printed FAIL and exited 0.
                if targets.contains(where: { !$0.passed }) { return ExitCode.gateFailed }
            case "aimd":
                let rate = try arguments.int(Flag.rate, in: 1...10_000) ?? 40
                let seconds = try arguments.int(Flag.seconds, in: 2...3600) ?? 30
                let (text, met) = try await AIMDBenchmark.run(liveSeconds: Double(seconds), liveRate: Double(rate))
                console.write(text)
                if !met { return ExitCode.gateFailed }
            case "run":
                let count = try arguments.int(Flag.count, in: 1...10_000_000) ?? 640
                console.write(try await RunBenchmark.run(count: count, concurrencies: [1, 8, 64]))
            case "quality":
                console.write(try QualityBenchmark.run(options: qualityOptions(arguments)) + "\n")
            case "eval":
                let data = arguments.value(Flag.data) ?? "../shared/data"
                console.write(try EvalBenchmark.run(dataDirectory: data) + "\n")
            case "savings":
                guard arguments.positionals.count == 2 else {
                    throw UsageError(message: "`gen-bench savings` needs the script to run, like `gen-bench savings examples/sms_spam.gen`")
                }
                let count = try arguments.int(Flag.count, in: 1...Int.max)
                let seeds = try runSeeds(arguments)
                let engine = Engine()
                console.write(try await SavingsBenchmark.run(
                    script: arguments.positionals[1], count: count, seeds: seeds, engine: engine,
                    log: { console.writeError($0) }))
            case "percall":
                guard arguments.positionals.count == 2 else {
                    throw UsageError(message: "`gen-bench percall` needs the script to run, like `gen-bench percall examples/movie_sentiment.gen`")
                }
                let (text, met) = try await PerCallBenchmark.run(
                    script: arguments.positionals[1], perCall: try arguments.int(Flag.perCall, in: 2...20) ?? 4,
                    count: try arguments.int(Flag.count, in: 1...Int.max),
                    seeds: try runSeeds(arguments), engine: Engine(),
                    log: { console.writeError($0) })
                console.write(text)
                if !met { return ExitCode.gateFailed }
            case "utility":
                guard arguments.positionals.count == 2, let test = arguments.value(Flag.test) else {
                    throw UsageError(message: "`gen-bench utility` needs the script and a real test set",
                                     hint: "gen-bench utility examples/review_attributes.gen --test examples/data/sst2_test.jsonl")
                }
                let count = try arguments.int(Flag.count, in: 2...Int.max)
                let seeds = try runSeeds(arguments)
                let kept = arguments.value(Flag.keep).map { URL(fileURLWithPath: $0) }
                if let kept, let existing = try? FileManager.default.contentsOfDirectory(atPath: kept.path), !existing.isEmpty {
                    throw UsageError(message: "--keep \(kept.path) is not empty", hint: "name a new directory; the runs are written there")
                }
                let (text, met) = try await UtilityBenchmark.run(
                    script: arguments.positionals[1], testPath: test, count: count, seeds: seeds, engine: Engine(), keep: kept,
                    log: { console.writeError($0) })
                console.write(text)
                if !met { return ExitCode.gateFailed }
            case "checks":
                guard arguments.positionals.count == 2 else {
                    throw UsageError(message: "`gen-bench checks` needs a real JSON Lines file",
                                     hint: "gen-bench checks examples/data/sst2_test.jsonl --domain \"Movie reviews\"")
                }
                let url = arguments.value(Flag.url) ?? ProcessInfo.processInfo.environment["GEN_LLM_URL"] ?? "http://127.0.0.1:8080/v1"
                let client = try OpenAICompatibleClient(configuration: ClientConfiguration(baseURL: url))
                console.write(try await CheckBenchmark.run(
                    data: arguments.positionals[1], domain: arguments.value(Flag.domain) ?? "Short texts",
                    hypothesis: arguments.value(Flag.hypothesis) ?? "The text is {label}.", count: try arguments.int(Flag.count, in: 2...100_000) ?? 100,
                    client: client, model: arguments.value(Flag.model) ?? "smollm2", log: { console.writeError($0) }))
            case "scale":
                let (text, met) = try await ScaleBenchmark.run(try scaleOptions(arguments), log: { console.writeError($0) })
                console.write(text)
                if !met { return ExitCode.gateFailed }
            case "stub-fleet":
                guard let endpoints = try arguments.ints(Flag.endpoints, in: 1...256), endpoints.count == 1 else {
                    throw UsageError(message: "`gen-bench stub-fleet` needs one --endpoints N")
                }
                var options = try scaleOptions(arguments)
                options.endpointCounts = endpoints
                try StubFleet.serveUntilInputCloses(options.fleet(endpoints: endpoints[0])) { console.write($0) }
            case "lsp":
                let lines = try arguments.int(Flag.lines, in: 10...1_000_000) ?? 5000
                let runs = try arguments.int(Flag.runs, in: 1...10_000) ?? 41
                console.write(LSPBenchmark.run(lines: lines, changes: runs))
            case "interpreter":
                let report = try InterpreterBenchmark.run(samples: 20_000)
                console.write("\(report)\n")
            default:
                throw UsageError(message: "unknown benchmark `\(what)`")
        }
        return ExitCode.ok
    }

    /// The seeds of the benchmarks that run a script: `--seeds 1,2,3` (the default).
    static func runSeeds(_ arguments: ParsedArguments) throws -> [UInt64] {
        (try arguments.ints(Flag.seeds, in: 0...Int.max) ?? [1, 2, 3]).map { UInt64($0) }
    }

    /// `gen-bench scale`'s flags (and `stub-fleet`'s).
    static func scaleOptions(_ arguments: ParsedArguments) throws -> ScaleBenchmark.Options {
        var options = ScaleBenchmark.Options()
        if let counts = try arguments.ints(Flag.endpoints, in: 1...256) { options.endpointCounts = counts }
        if let concurrency = try arguments.int(Flag.concurrency, in: 1...1024) { options.concurrency = concurrency }
        if let median = try double(arguments, Flag.median, in: 0.0001...60) { options.median = median }
        if let sigma = try double(arguments, Flag.sigma, in: 0...3) { options.sigma = sigma }
        if let seconds = try double(arguments, Flag.seconds, in: 0.1...3600) { options.seconds = seconds }
        options.batch = try arguments.int(Flag.batch, in: 1...1024)
        options.pipeline = try arguments.int(Flag.pipeline, in: 1...64)
        options.inProcessFleet = arguments.value(Flag.fleet) == "in-process"
        options.adaptive = arguments.value(Flag.adaptive) != "off"
        if let seed = try arguments.ints(Flag.seeds, in: 0...Int.max)?.first { options.seed = UInt64(seed) }
        return options
    }

    /// A decimal flag's value in `range`; anything else is a usage error naming the flag.
    static func double(_ arguments: ParsedArguments, _ flag: FlagSpec, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = arguments.value(flag) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw UsageError(message: "--\(flag.name) takes a number in \(range.lowerBound)...\(range.upperBound), got `\(text)`")
        }
        return value
    }

    /// `gen-bench quality`'s flags, checked here so a bad value is a usage error, not a crash in the index.
    static func qualityOptions(_ arguments: ParsedArguments) throws -> QualityBenchmark.Options {
        var options = QualityBenchmark.Options()
        if let pools = try arguments.ints(Flag.pools, in: 1...10_000_000) { options.poolSizes = pools }
        if let window = try arguments.int(Flag.window, in: 8...1_000_000) { options.window = window }
        if let recall = try arguments.int(Flag.recall, in: 0...100_000) { options.recallQueries = recall }
        if let tables = try arguments.int(Flag.tables, in: 1...64) { options.search.tables = tables }
        if let flips = try arguments.int(Flag.flips, in: 0...8) { options.search.probeFlips = flips }
        if let shortlist = try arguments.int(Flag.shortlist, in: 1...1024) { options.search.shortlist = shortlist }
        return options
    }
}
