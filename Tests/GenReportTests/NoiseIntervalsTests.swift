import Foundation
import Testing
@testable import GenReport

/// The intervals `gen compare` judges differences against: what changing the seeds would move.
@Suite struct NoiseIntervalsTests {
    private func batch(_ index: Int, tokens: Int, generated: Int, accepted: Int) -> BatchSummary {
        BatchSummary(
            index: index, allocation: ["a": generated], tokens: tokens, startedAt: Date(timeIntervalSince1970: 0),
            endedAt: Date(timeIntervalSince1970: 1), metrics: ["accept_rate": Double(accepted) / Double(generated)], estimates: [:])
    }

    @Test func tokensPerAcceptedIsTheRatioWithTheBatchesSpread() throws {
        let steady = (0..<10).map { batch($0, tokens: 1000, generated: 10, accepted: 5) }
        let still = try #require(NoiseIntervals.tokensPerAccepted(200, batches: steady))
        #expect(still.value == 200)
        #expect(still.low == 200 && still.high == 200, "batches that agree leave no noise")
        let varied = (0..<10).map { batch($0, tokens: $0.isMultiple(of: 2) ? 600 : 1400, generated: 10, accepted: 5) }
        let spread = try #require(NoiseIntervals.tokensPerAccepted(200, batches: varied))
        #expect(spread.value == 200)
        // Batch ratios 120 and 280: the mean's standard error is 80 / sqrt(10) x sqrt(10/9), so about +-52.
        #expect(abs((spread.high - spread.low) / 2 - 1.96 * 80 / 9.0.squareRoot()) < 0.01)
        #expect(NoiseIntervals.tokensPerAccepted(200, batches: [steady[0]]) == nil, "one batch has no spread")
        // The interval is centred on the run's own figure (which counts tokens outside batches too).
        let run = try #require(NoiseIntervals.tokensPerAccepted(250, batches: varied))
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
