import Foundation
import GenCore
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
                console.write(try QualityBenchmark.run() + "\n")
            case "eval":
                let data = arguments.value("data") ?? "../shared/data"
                console.write(try EvalBenchmark.run(dataDirectory: data) + "\n")
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
}
