import GenCore
import GenRouter
import Foundation

/// `gen-bench router`: every contender on the standard problems, mean regret over many seeds, with the
/// reference figures beside. `run` then `table` (and `targets` for the pass/fail summary).
public enum RouterBenchmark {
    /// One line of results: a contender on a problem at a batch size.
    public struct Row: Sendable, Equatable {
        public var problem: String
        public var batch: Int
        public var contender: String
        public var seeds: Int
        public var meanRegret: Double
        /// Standard error of the mean over seeds.
        public var standardError: Double
        public var reference: Double?

        /// Measured over reference (1.0 = same; below 1 is less regret than the reference).
        public var ratio: Double? {
            reference.map { meanRegret / $0 }
        }
    }

    /// Runs every contender on every problem at each of its batch sizes. `seeds` overrides the problems'
    /// standard seed counts (200, 50 for R1). `progress` sees each row as it is finished.
    public static func run(seeds: Int? = nil, problems: [BanditProblem] = BanditProblem.standard,
                           contenders: [BenchmarkContender] = BenchmarkContender.standard,
                           registry: PolicyRegistry = .standard,
                           progress: (Row) -> Void = { _ in }) throws(RouterError) -> [Row] {
        var rows: [Row] = []
        for problem in problems {
            let armIDs = (0..<problem.arms).map { "arm\($0)" }
            for batch in problem.batchSizes {
                let simulation = BanditSimulation(problem: problem, batch: batch)
                for contender in contenders where problem.contexts > 1 || !contender.labelledOnly {
                    let fresh = try registry.makePolicy(contender.policy, arguments: contender.arguments, arms: armIDs)
                    let count = max(1, seeds ?? problem.standardSeeds)
                    let regrets = (0..<count).map { simulation.regret(policy: fresh, seed: UInt64($0)) }
                    let row = Row(problem: problem.id, batch: batch, contender: contender.label, seeds: count,
                                  meanRegret: mean(regrets), standardError: standardError(regrets),
                                  reference: ReferenceRegret.figure(problem: problem.id, batch: batch,
                                                                    contender: contender.label))
                    progress(row)
                    rows.append(row)
                }
            }
        }
        return rows
    }

    static func mean(_ values: [Double]) -> Double { BenchStatistics.mean(values) }

    static func standardError(_ values: [Double]) -> Double {
        values.count > 1 ? BenchStatistics.deviation(values) / Double(values.count).squareRoot() : 0
    }
}
