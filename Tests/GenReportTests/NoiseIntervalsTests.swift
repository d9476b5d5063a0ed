import Foundation
import Testing
@testable import GenReport
import GenCore
@testable import GenStore

/// The intervals `gen compare` judges differences against: what changing the seeds would move.
@Suite struct NoiseIntervalsTests {
    /// A batch of `generated` candidates, `accepted` of them accepted: its record and its one arm's row.
    private func batch(_ index: Int, tokens: Int, generated: Int, accepted: Int) -> (BatchSummary, ArmBatchRow) {
        (BatchSummary(
            index: index, allocation: ["a": generated], tokens: tokens, startedAt: Date(timeIntervalSince1970: 0),
            endedAt: Date(timeIntervalSince1970: 1), metrics: [:], estimates: [:]),
         ArmBatchRow(batchIndex: index, arm: "a", generated: generated, accepted: accepted, meanReward: 0, tokens: tokens))
    }

    private func interval(_ value: Double, _ batches: [(BatchSummary, ArmBatchRow)]) -> IntervalEstimate? {
        NoiseIntervals.tokensPerAccepted(value, batches: batches.map(\.0), armBatches: batches.map(\.1))
    }

    @Test func tokensPerAcceptedIsTheRatioWithTheBatchesSpread() throws {
        let steady = (0..<10).map { batch($0, tokens: 1000, generated: 10, accepted: 5) }
        let still = try #require(interval(200, steady))
        #expect(still.value == 200)
        #expect(still.low == 200 && still.high == 200, "batches that agree leave no noise")
        let varied = (0..<10).map { batch($0, tokens: $0.isMultiple(of: 2) ? 600 : 1400, generated: 10, accepted: 5) }
        let spread = try #require(interval(200, varied))
        #expect(spread.value == 200)
        // Batch ratios 120 and 280: the mean's standard error is 80 / sqrt(10) x sqrt(10/9), so about +-52.
        #expect(abs((spread.high - spread.low) / 2 - 1.96 * 80 / 9.0.squareRoot()) < 0.01)
        #expect(interval(200, [steady[0]]) == nil, "one batch has no spread")
        // The interval is centred on the run's own figure (which counts tokens outside batches too).
        let run = try #require(interval(250, varied))
        #expect(run.value == 250 && abs((run.high - run.low) / 2 - 250 * 1.96 * (80 / 9.0.squareRoot()) / 200) < 0.01)
    }

    @Test func accuracyIsAWilsonIntervalOverTheTestRows() throws {
        let few = try #require(NoiseIntervals.accuracy(0.8, testCount: 20))
        let many = try #require(NoiseIntervals.accuracy(0.8, testCount: 2000))
        #expect(few.low < 0.6 && few.high > 0.9)
        #expect(many.high - many.low < 0.04)
        #expect(NoiseIntervals.accuracy(0.8, testCount: nil) == nil)
        // 0.80 and 0.86 on 2,000 rows are apart beyond noise; on 20 rows they are not.
        let other = try #require(NoiseIntervals.accuracy(0.86, testCount: 2000))
        #expect(!many.overlaps(other))
        #expect(try #require(NoiseIntervals.accuracy(0.86, testCount: 20)).overlaps(few))
    }
}

/// Dollars per accepted sample and distinct-2 against noise.
@Suite struct CostAndDiversityNoiseTests {
    private func row(_ batch: Int, dollars: Double?, accepted: Int) -> ArmBatchRow {
        ArmBatchRow(batchIndex: batch, arm: "a", generated: 10, accepted: accepted, meanReward: 0, tokens: 0, dollars: dollars)
    }

    @Test func dollarsPerAcceptedIsTheRatioOverTheBatchesAndUnknownWhenAPriceIs() throws {
        // Two arms a batch are summed first: every batch costs 0.002 for 4 accepted, so no spread.
        let steady = (0..<6).flatMap { [row($0, dollars: 0.001, accepted: 2), row($0, dollars: 0.001, accepted: 2)] }
        let still = try #require(NoiseIntervals.dollarsPerAccepted(0.0005, armBatches: steady))
        #expect(still.low == 0.0005 && still.high == 0.0005)
        let varied = (0..<10).map { row($0, dollars: $0.isMultiple(of: 2) ? 0.0006 : 0.0014, accepted: 5) }
        let spread = try #require(NoiseIntervals.dollarsPerAccepted(0.0002, armBatches: varied))
        // Batch ratios 0.00012 and 0.00028: as for tokens, +-1.96 x 0.00008 / sqrt(9).
        #expect(abs((spread.high - spread.low) / 2 - 1.96 * 0.00008 / 3) < 1e-9)
        #expect(NoiseIntervals.dollarsPerAccepted(0.0002, armBatches: varied + [row(10, dollars: nil, accepted: 5)]) == nil)
        #expect(NoiseIntervals.dollarsPerAccepted(nil, armBatches: varied) == nil)
    }

    @Test func theJackknifeOfASmallPoolIsWorkedByHand() throws {
        // "a b" twice and "c d": distinct-2 is 2/3; leaving out either "a b" gives 1, leaving out "c d" gives 1/2.
        // Mean 5/6, deviations 1/6, 1/6, -1/3: variance 2/3 x 1/6 = 1/9, so the standard error is 1/3.
        let error = try #require(DistinctJackknife.distinct2StandardError([["a", "b"], ["a", "b"], ["c", "d"]]))
        #expect(abs(error - 1.0 / 3) < 1e-12)
        #expect(DistinctJackknife.distinct2StandardError([["a", "b", "c"]]) == nil, "one text has no spread")
        #expect(DistinctJackknife.distinct2StandardError([["a", "b"], ["a", "b"]]) == 0, "identical texts leave nothing to vary")
    }

    /// The point of the estimate: one pool's jackknife matches the spread over pools drawn afresh.
    @Test func theJackknifeMatchesTheSpreadOverIndependentPools() throws {
        var random = SeededRandom(seed: 7)
        let vocabulary = 2000
        let weights = (0..<vocabulary).map { 1 / pow(Double($0 + 1), 1.1) }
        let total = weights.reduce(0, +)
        var cumulative: [Double] = []
        var sum = 0.0
        for weight in weights { sum += weight / total; cumulative.append(sum) }
        func word() -> String {
            let draw = random.nextUnit()
            var low = 0, high = vocabulary - 1
            while low < high { let mid = (low + high) / 2; if cumulative[mid] < draw { low = mid + 1 } else { high = mid } }
            return "w\(low)"
        }
        func pool() -> [[String]] { (0..<150).map { _ in (0..<(8 + Int(random.nextUnit() * 16))).map { _ in word() } } }
        func distinct2(_ texts: [[String]]) -> Double {
            let bigrams = texts.flatMap { words in (1..<words.count).map { words[$0 - 1] + " " + words[$0] } }
            return Double(Set(bigrams).count) / Double(bigrams.count)
        }
        let values = (0..<120).map { _ in distinct2(pool()) }
        let mean = values.reduce(0, +) / Double(values.count)
        let spread = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        var estimates: [Double] = []
        for _ in 0..<20 { estimates.append(try #require(DistinctJackknife.distinct2StandardError(pool()))) }
        let typical = estimates.sorted()[estimates.count / 2]
        #expect(typical > 0.75 * spread && typical < 1.33 * spread, "jackknife \(typical) against the pools' spread \(spread)")
    }
}
