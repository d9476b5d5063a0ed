import Foundation
import GenCore
import GenProviders

/// The pool's AIMD controller against a server that rate-limits at a known rate, in simulated time: the
/// client always has work, keeps the controller's limit of requests in flight, and learns from every answer.
/// Deterministic for a seed, so a test can hold the controller to its figures.
///
/// The server is a token bucket refilling `rate` requests per second, holding one second's worth; a request
/// finding it empty is answered 429 after `rejectLatency` without a Retry-After (the controller alone must
/// find the rate). Accepted requests take a lognormal time (median `medianLatency`).
public struct AIMDSimulation: Sendable {
    public var rate: Double
    public var medianLatency: Double
    public var sigma: Double
    public var ceiling: Int
    public var seconds: Double
    public var rejectLatency = 0.02
    public var seed: UInt64

    public init(rate: Double, medianLatency: Double = 0.5, sigma: Double = 0.3, ceiling: Int = 256, seconds: Double = 120, seed: UInt64 = 1) {
        self.rate = rate
        self.medianLatency = medianLatency
        self.sigma = sigma
        self.ceiling = ceiling
        self.seconds = seconds
        self.seed = seed
    }

    public struct Result: Sendable {
        /// Accepted requests per second over the second half (after convergence).
        public var achievedRate: Double
        /// 429s among all answers over the second half, and over the whole run.
        public var rateLimitedShare: Double
        public var rateLimitedShareOverall: Double
        /// The limit at the end, and the limit that would exactly fill the rate (rate x mean latency).
        public var finalLimit: Double
        public var idealLimit: Double
        /// Seconds until the achieved rate first came within 10% of the server's rate (over a 5 s window).
        public var convergenceSeconds: Double?
    }

    public func run() -> Result {
        var controller = AdaptiveConcurrency(ceiling: ceiling)
        var random = SeededRandom(seed: seed).derived("aimd-simulation")
        var bucket = rate
        var refilled = 0.0
        // Answers in flight: (time it arrives, time it was sent, accepted?), kept sorted by arrival.
        var inFlight: [(at: Double, sent: Double, accepted: Bool)] = []
        var now = 0.0
        var half = (accepted: 0, limited: 0)
        var whole = (accepted: 0, limited: 0)
        var acceptedTimes: [Double] = []
        var pausedUntil = 0.0
        while now < seconds {
            while inFlight.count < controller.permits, now >= pausedUntil {
                bucket = min(rate, bucket + (now - refilled) * rate)
                refilled = now
                let accepted = bucket >= 1
                if accepted { bucket -= 1 }
                let latency = accepted ? Lognormal(median: medianLatency, sigma: sigma).draw(&random) : rejectLatency
                let answer = (at: now + latency, sent: now, accepted: accepted)
                let position = inFlight.firstIndex { $0.at > answer.at } ?? inFlight.endIndex
                inFlight.insert(answer, at: position)
            }
            // Nothing may be sent until the pause ends: the next event is the pause's end or the next answer.
            if inFlight.count < controller.permits, pausedUntil > now, inFlight.first.map({ $0.at > pausedUntil }) ?? true {
                now = pausedUntil
                continue
            }
            let answer = inFlight.removeFirst()
            now = answer.at
            if answer.accepted {
                controller.answered(sentAt: answer.sent, now: now, completionTokens: nil)
                whole.accepted += 1
                acceptedTimes.append(now)
                if now >= seconds / 2 { half.accepted += 1 }
            } else {
                controller.overloaded(.rateLimited, sentAt: answer.sent, now: now)
                pausedUntil = max(pausedUntil, now + controller.pauseAfterRateLimit)
                whole.limited += 1
                if now >= seconds / 2 { half.limited += 1 }
            }
        }
        let meanLatency = Lognormal(median: medianLatency, sigma: sigma).mean
        return Result(
            achievedRate: Double(half.accepted) / (seconds / 2),
            rateLimitedShare: Double(half.limited) / Double(max(1, half.accepted + half.limited)),
            rateLimitedShareOverall: Double(whole.limited) / Double(max(1, whole.accepted + whole.limited)),
            finalLimit: controller.limit, idealLimit: rate * meanLatency,
            convergenceSeconds: Self.convergence(acceptedTimes, rate: rate))
    }

    /// The end of the first 5-second window whose accepted rate is within 10% of `rate`.
    static func convergence(_ times: [Double], rate: Double, window: Double = 5) -> Double? {
        var start = 0
        for (end, time) in times.enumerated() {
            while times[start] < time - window { start += 1 }
            if time >= window, Double(end - start + 1) / window >= 0.9 * rate { return time }
        }
        return nil
    }
}
