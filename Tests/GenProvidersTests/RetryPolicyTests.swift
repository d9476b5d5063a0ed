import Foundation
import GenProviders
import Testing

@Suite struct RetryPolicyTests {
    @Test func delaysDoubleAndStopAtTheCap() {
        let policy = RetryPolicy(baseDelay: .milliseconds(500), maxDelay: .seconds(3), jitter: 0)
        let delays = (1...5).map { policy.delay(beforeRetry: $0, unitDraw: 0.9) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(3), .seconds(3)])
    }

    @Test func jitterShortensByAtMostItsFraction() {
        let policy = RetryPolicy(baseDelay: .seconds(1), jitter: 0.25)
        #expect(policy.delay(beforeRetry: 1, unitDraw: 0) == .seconds(1))
        #expect(policy.delay(beforeRetry: 1, unitDraw: 0.5) == .milliseconds(875))
        #expect(policy.delay(beforeRetry: 1, unitDraw: 0.999_999) > .milliseconds(750))
    }

    @Test func retryAfterIsALowerBoundCappedByMaxRetryAfter() {
        let policy = RetryPolicy(baseDelay: .seconds(1), jitter: 0, maxRetryAfter: .seconds(30))
        #expect(policy.delay(beforeRetry: 1, unitDraw: 0, retryAfter: .seconds(5)) == .seconds(5))
        #expect(policy.delay(beforeRetry: 3, unitDraw: 0, retryAfter: .milliseconds(10)) == .seconds(4))
        #expect(policy.delay(beforeRetry: 1, unitDraw: 0, retryAfter: .seconds(3600)) == .seconds(30))
    }

    @Test func settingsAreClampedToSaneRanges() {
        let policy = RetryPolicy(maxAttempts: 0, jitter: 7)
        #expect(policy.maxAttempts == 1)
        #expect(policy.jitter == 1)
        #expect(RetryPolicy.none.maxAttempts == 1)
    }
}
