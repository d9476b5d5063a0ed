import Foundation
import GenCore
import GenEngine
import GenEval
import GenQuality
import GenRouter
import GenRuntime

/// The benchmarks other than `parse`, each a thin call into the library that owns the measured part.
enum OtherBenchmarks {
    static func run(_ what: String, arguments: ParsedArguments, console: Console) async -> Int32 {
        do {
            switch what {
            case "router":
                let seeds = try arguments.int("seeds")
                let rows = try RouterBenchmark.run(seeds: seeds) { row in
                    console.writeError("  \(row.problem) batch \(row.batch) \(row.contender): \(String(format: "%.1f", row.meanRegret))\n")
                }
                console.write(RouterBenchmark.table(rows) + "\n")
                for target in RouterBenchmark.targets(rows) { console.write("\(target)\n") }
            case "run":
                let count = try arguments.int("count") ?? 640
                console.write(try await RunBenchmark.run(count: count, concurrencies: [1, 8, 64]))
            case "quality":
                console.write(try QualityBenchmark.run(options: qualityOptions(arguments)) + "\n")
            case "eval":
                let data = arguments.value("data") ?? "../shared/data"
                console.write(try EvalBenchmark.run(dataDirectory: data) + "\n")
            case "savings":
                guard arguments.positionals.count == 2 else {
                    throw UsageError(message: "`gen bench savings` needs the script to run, like `gen bench savings examples/sms_spam.gen`")
                }
                let count = try arguments.int("count")
                if let count, count < 1 { throw UsageError(message: "--count must be at least 1, got \(count)") }
                let seeds = try (arguments.value("seeds") ?? "1,2,3").split(separator: ",").map { text -> UInt64 in
                    guard let seed = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
                        throw UsageError(message: "--seeds takes seeds separated by commas, like 1,2,3; got `\(text)`")
                    }
                    return seed
                }
                let engine = Engine()
                console.write(try await SavingsBenchmark.run(
                    script: arguments.positionals[1], count: count, seeds: seeds, engine: engine,
                    log: { console.writeError($0) }))
            case "interpreter":
                let report = try InterpreterBenchmark.run(samples: 20_000)
                console.write("\(report)\n")
            default:
                return ExitCode.usage
            }
            return ExitCode.ok
        } catch let error as UsageError {
            console.writeError("error: \(error.message)\n")
            return ExitCode.usage
        } catch {
            console.writeError("error: \(error)\n")
            return ExitCode.runtimeFailure
        }
    }

    /// `gen bench quality`'s flags, checked here so a bad value is a usage error, not a crash in the index.
    static func qualityOptions(_ arguments: ParsedArguments) throws -> QualityBenchmark.Options {
        var options = QualityBenchmark.Options()
        if let pools = arguments.value("pools") {
            let sizes = pools.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 10_000_000 }) else {
                throw UsageError(message: "--pools takes pool sizes from 1 to 10000000 separated by commas, like 1000,10000,100000")
            }
            options.poolSizes = sizes.compactMap { $0 }
        }
        func bounded(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let value = try arguments.int(name) else { return nil }
            guard range.contains(value) else {
                throw UsageError(message: "--\(name) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
            }
            return value
        }
        if let window = try bounded("window", 8...1_000_000) { options.window = window }
        if let recall = try bounded("recall", 0...100_000) { options.recallQueries = recall }
        if let tables = try bounded("tables", 1...64) { options.search.tables = tables }
        if let flips = try bounded("flips", 0...8) { options.search.probeFlips = flips }
        if let shortlist = try bounded("shortlist", 1...1024) { options.search.shortlist = shortlist }
        return options
    }
}
