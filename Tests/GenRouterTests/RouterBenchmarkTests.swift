import GenCore
import Testing
@testable import GenRouter
@testable import GenBenchmarks

@Suite struct RouterBenchmarkTests {
    /// Uniform-random regret is known in closed form for each problem; it pins down the problem definitions.
    @Test(arguments: [("R3", 1366.67), ("R4", 400.0), ("R5", 473.63)])
    func randomRegretMatchesTheAnalyticValue(problem id: String, expected: Double) throws {
        let problem = try #require(BanditProblem.standard.first { $0.id == id })
        var rng = SeededRandom(seed: 0)
        let path = problem.path(using: &rng)
        let analytic = (0..<problem.horizon).reduce(0.0) { total, step in
            let means = path.means(at: step)
            return total + (means.max() ?? 0) - means.reduce(0, +) / Double(means.count)
        }
        #expect(abs(analytic - expected) < 0.01, "\(id): \(analytic)")
    }

    @Test func r6LabelsTakeTurnsAndTheBestArmDiffersByLabel() {
        var rng = SeededRandom(seed: 0)
        let path = BanditProblem.r6.path(using: &rng)
        let problem = BanditProblem.r6
        let random = (0..<problem.horizon).reduce(0.0) { total, step in
            let means = path.means(at: step, context: step % problem.contexts)
            return total + (means.max() ?? 0) - means.reduce(0, +) / Double(means.count)
        }
        #expect(abs(random - 466.67) < 0.01, "\(random)")
        #expect(path.means(at: 5, context: 0) == [0.8, 0.6, 0.3] && path.means(at: 5, context: 1) == [0.3, 0.6, 0.8])
    }

    /// Told each slot's label, contextual_thompson loses a fraction of what the blind policies lose (about 0.2 a
    /// sample once they settle on the generalist arm); it has rows only on the labelled problem.
    @Test func contextualThompsonWinsOnTheLabelledProblemOnly() throws {
        let contenders = BenchmarkContender.standard.filter { ["thompson", "gaussian_thompson", "contextual_thompson"].contains($0.label) }
        let rows = try RouterBenchmark.run(seeds: 10, problems: [BanditProblem.r4, BanditProblem.r6], contenders: contenders)
        #expect(!rows.contains { $0.problem == "R4" && $0.contender == "contextual_thompson" })
        for batch in [1, 20] {
            func regret(_ contender: String) throws -> Double {
                try #require(rows.first { $0.problem == "R6" && $0.batch == batch && $0.contender == contender }).meanRegret
            }
            let contextual = try regret("contextual_thompson")
            #expect(contextual < 0.5 * (try regret("thompson")), "batch \(batch)")
            #expect(contextual < 0.5 * (try regret("gaussian_thompson")), "batch \(batch)")
        }
        let targets = RouterBenchmark.targets(rows).filter { $0.name.contains("contextual_thompson beats") }
        #expect(targets.count == 4 && targets.allSatisfy(\.passed), "\(targets)")
    }

    @Test func r5ReversesTheArmsAtTheMidpoint() {
        var rng = SeededRandom(seed: 0)
        let path = BanditProblem.r5.path(using: &rng)
        let before = path.means(at: 1999)
        let after = path.means(at: 2000)
        #expect(abs(after[0] - before[4]) < 0.001 && abs(after[4] - before[0]) < 0.001)
    }

    @Test func runProducesARowPerContenderAndBatchWithReferences() throws {
        let contenders = [BenchmarkContender(label: "random", policy: "random"),
                          BenchmarkContender(label: "gaussian_thompson", policy: "gaussian_thompson")]
        let rows = try RouterBenchmark.run(seeds: 3, problems: [BanditProblem.r4], contenders: contenders)
        #expect(rows.map(\.contender) == ["random", "gaussian_thompson", "random", "gaussian_thompson"])
        #expect(rows.map(\.batch) == [1, 1, 20, 20])
        #expect(rows[0].reference == 400 && rows[3].reference == 49)
        #expect(abs(rows[0].meanRegret - 400) < 20, "random regret \(rows[0].meanRegret)")
        #expect(rows[1].meanRegret < rows[0].meanRegret / 3)
        let table = RouterBenchmark.table(rows)
        #expect(table.split(separator: "\n").count == 5)
        #expect(table.contains("reference") && table.contains("400"))
    }

    @Test func targetsAreJudgedFromRows() {
        func row(_ problem: String, _ batch: Int, _ contender: String, _ regret: Double, _ reference: Double? = nil)
            -> RouterBenchmark.Row {
            RouterBenchmark.Row(problem: problem, batch: batch, contender: contender, seeds: 1, meanRegret: regret,
                                standardError: 0, reference: reference)
        }
        let rows = [row("R5", 1, "gaussian_thompson", 80, 78), row("R5", 20, "gaussian_thompson", 100, 83),
                    row("R5", 20, "ucb1", 120), row("R5", 20, "thompson", 250)]
        let results = Dictionary(uniqueKeysWithValues: RouterBenchmark.targets(rows).map { ($0.name, $0.passed) })
        #expect(results["R5 batch 1 gaussian_thompson near reference"] == true)
        #expect(results["R5 batch 20 gaussian_thompson near reference"] == false)
        #expect(results["R5 batch 20 gaussian_thompson beats ucb1 by 25%"] == false)
        #expect(results["R5 batch 20 gaussian_thompson beats thompson by 25%"] == true)
        #expect(results["R5 gaussian_thompson batch 20 under 15% over batch 1"] == false)
    }
}

