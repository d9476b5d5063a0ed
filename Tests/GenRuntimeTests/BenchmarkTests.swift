import Testing
import GenRuntime
import GenBenchmarks
import GenPipeline

@Suite struct BenchmarkTests {
    /// The benchmark runs the real rules: every sample gets the reward plus the rules up to its first rejection,
    /// and the same seed gives the same verdicts. (Speed is printed by `run`, never asserted.)
    @Test func benchmarkEvaluatesDeterministically() throws {
        let first = try InterpreterBenchmark.run(samples: 200, seed: 7)
        let second = try InterpreterBenchmark.run(samples: 200, seed: 7)
        #expect(first.accepted == second.accepted)
        #expect(first.accepted > 0 && first.accepted < 200)
        #expect(first.evaluations >= 200 * 2 && first.evaluations <= 200 * 4)
    }
}

@Suite struct ExpressionDepthTests {
    /// 1 + 1 + ... nested deeper than the limit is refused at compile time instead of exhausting the stack.
    @Test func overlyDeepExpressionsAreRefused() throws {
        var deep = E.int(1)
        for _ in 0..<600 { deep = deep + E.int(1) }
        #expect(failure(deep)?.message == "the expression is nested more than 500 levels deep")
        var fine = E.int(1)
        for _ in 0..<400 { fine = fine + E.int(1) }
        #expect(try eval(fine) == .int(401))
    }
}
