import Testing
@testable import GenBenchmarks

/// The pools' adaptive concurrency against a server that admits a known rate and answers 429 beyond it (the
/// issue's proof, in simulated time so it is exact and fast; `gen-bench aimd` also runs it live over HTTP).
@Suite struct AIMDSimulationTests {
    @Test(arguments: [20.0, 100, 400])
    func theLimitConvergesWithinTenPercentOfTheRateWithoutAStormOf429s(rate: Double) {
        for seed: UInt64 in [1, 2, 3] {
            let result = AIMDSimulation(rate: rate, seed: seed).run()
            #expect(abs(result.achievedRate - rate) <= 0.1 * rate, "rate \(rate), seed \(seed): reached \(result.achievedRate)")
            #expect(result.rateLimitedShare < 0.05, "rate \(rate), seed \(seed): 429 share \(result.rateLimitedShare)")
            #expect(result.rateLimitedShareOverall < 0.05, "slow start must not storm: \(result.rateLimitedShareOverall)")
            #expect(abs(result.finalLimit - result.idealLimit) <= 0.3 * result.idealLimit, "limit \(result.finalLimit)")
            #expect((result.convergenceSeconds ?? .infinity) < 15)
        }
    }

    /// Near a limit of one or two requests the granularity shows: the rate is still reached, with more 429s; the
    /// README tells users with such limits to declare `rpm:`.
    @Test func aTinyRateIsStillReached() {
        let result = AIMDSimulation(rate: 5, seed: 1).run()
        #expect(abs(result.achievedRate - 5) <= 0.5)
        #expect(result.rateLimitedShare < 0.15)
    }

    @Test func theConvergenceTimeIsTheFirstWindowAtNinetyPercent() {
        let times = (0..<200).map { Double($0) * 0.1 }  // 10 a second from t = 0
        #expect(AIMDSimulation.convergence(times, rate: 10) == 5.0)
        #expect(AIMDSimulation.convergence(times, rate: 20) == nil)
    }
}
