import Testing
@testable import GenProviders

/// The pool's three controllers on their own, in explicit time: circuit breaker, adaptive limit, rate budget.
@Suite struct PoolControllersTests {
    @Test func aRefusalOpensTheCircuitAtOnceOtherFailuresAfterThree() {
        var refused = CircuitBreaker()
        refused.failed(now: 0, refused: true)
        #expect(refused.state == .open(until: 1))

        var failing = CircuitBreaker()
        failing.failed(now: 0, refused: false)
        failing.failed(now: 0, refused: false)
        #expect(failing.isClosed, "two timeouts in a row do not take a busy server out")
        failing.succeeded()
        failing.failed(now: 0, refused: false)
        failing.failed(now: 0, refused: false)
        #expect(failing.isClosed, "an answer resets the count")
        failing.failed(now: 0, refused: false)
        #expect(!failing.isClosed)
    }

    @Test func onlyAHealthCheckClosesAnOpenCircuitAndEachFailedCheckDoublesTheWait() {
        var breaker = CircuitBreaker()
        breaker.failed(now: 10, refused: true)
        #expect(!breaker.probeDue(now: 10.5))
        #expect(breaker.probeDue(now: 11))
        breaker.startProbe()
        #expect(breaker.state == .probing && !breaker.probeDue(now: 100))
        breaker.probeFinished(healthy: false, now: 11)
        #expect(breaker.reopensAt == 13, "the second opening lasts 2 s")
        breaker.startProbe()
        breaker.probeFinished(healthy: false, now: 13)
        #expect(breaker.reopensAt == 17)
        breaker.startProbe()
        breaker.probeFinished(healthy: true, now: 17)
        #expect(breaker.isClosed && breaker.openings == 1, "failed health checks kept it open; they were not new openings")
        breaker.failed(now: 20, refused: true)
        #expect(breaker.reopensAt == 21, "a closed circuit starts over at the base cooldown")
    }

    @Test func theCooldownStopsGrowingAtItsCap() {
        var capped = CircuitBreaker()
        for step in 0..<12 {
            if step == 0 { capped.failed(now: 0, refused: true) } else { capped.startProbe(); capped.probeFinished(healthy: false, now: 0) }
        }
        #expect(capped.reopensAt == 30)
    }

    @Test func slowStartDoublesThenTheFirstOverloadHalves() {
        var limit = AdaptiveConcurrency(ceiling: 64, initialLimit: 4)
        #expect(limit.permits == 4)
        for step in 0..<4 { limit.answered(sentAt: Double(step), now: Double(step) + 0.5, completionTokens: nil) }
        #expect(limit.permits == 8)
        limit.overloaded(.rateLimited, sentAt: 10, now: 10.1)
        #expect(limit.permits == 4, "leaving slow start halves")
        limit.overloaded(.rateLimited, sentAt: 10.05, now: 10.2)
        #expect(limit.permits == 4, "a request sent before the cut is part of the same congestion event")
        limit.overloaded(.rateLimited, sentAt: 10.3, now: 10.4)
        #expect(limit.permits == 3, "a later 429 cuts again, by at least one request")
        #expect(limit.lowest < 4)
    }

    @Test func additiveIncreaseStopsAtTheCeilingAndCutsStopAtOne() {
        var limit = AdaptiveConcurrency(ceiling: 6, initialLimit: 6)
        limit.overloaded(.failed, sentAt: 0, now: 0)
        #expect(limit.permits == 3)
        for step in 0..<400 { limit.answered(sentAt: Double(step), now: Double(step) + 0.1, completionTokens: nil) }
        #expect(limit.permits == 6 && limit.limit == 6)
        for step in 0..<20 { limit.overloaded(.failed, sentAt: Double(1000 + step), now: Double(1000 + step)) }
        #expect(limit.permits == 1)
    }

    @Test func answersSlowingDownPerTokenCutTheLimit() {
        var limit = AdaptiveConcurrency(ceiling: 16, initialLimit: 16)
        for step in 0..<40 { limit.answered(sentAt: Double(step), now: Double(step) + 1, completionTokens: 100) }
        #expect(limit.permits == 16)
        for step in 0..<40 { limit.answered(sentAt: Double(100 + step), now: Double(100 + step) + 10, completionTokens: 100) }
        #expect(limit.permits < 16, "ten times slower per token for a while is queueing at the server")
    }

    @Test func aDisabledControllerKeepsTheCeiling() {
        var limit = AdaptiveConcurrency(ceiling: 12, enabled: false)
        limit.overloaded(.rateLimited, sentAt: 0, now: 0)
        limit.overloaded(.failed, sentAt: 1, now: 1)
        #expect(limit.permits == 12 && limit.pauseAfterRateLimit == 0)
    }

    @Test func aRateBudgetPacesRequestsAndTokens() {
        var budget = RateBudget(requestsPerMinute: 120, tokensPerMinute: nil, now: 0)
        #expect(budget.wait(estimatedTokens: 10, now: 0) == 0)
        budget.spend(estimatedTokens: 10)
        budget.spend(estimatedTokens: 10)
        #expect(abs(budget.wait(estimatedTokens: 10, now: 0) - 0.5) < 1e-9, "2 a second: the third waits half a second")
        #expect(budget.wait(estimatedTokens: 10, now: 0.5) == 0)

        var tokens = RateBudget(requestsPerMinute: nil, tokensPerMinute: 6000, now: 0)
        #expect(tokens.wait(estimatedTokens: 80, now: 0) == 0)
        tokens.spend(estimatedTokens: 80)
        #expect(abs(tokens.wait(estimatedTokens: 80, now: 0) - 0.6) < 1e-9, "100 tokens a second, 20 left: 60 more take 0.6 s")
        tokens.settle(estimated: 80, actual: 30)
        #expect(abs(tokens.wait(estimatedTokens: 80, now: 0) - 0.1) < 1e-9, "the 50 tokens the estimate over-counted came back: 70 left")
        #expect(!RateBudget(requestsPerMinute: nil, tokensPerMinute: nil, now: 0).isLimited)
    }
}
