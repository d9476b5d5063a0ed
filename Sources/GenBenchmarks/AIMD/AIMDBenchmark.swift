import Foundation
import GenProviders

/// `gen-bench aimd`: the pool's adaptive concurrency against servers that rate-limit at a known rate. First in
/// simulated time (deterministic, many rates), then live: the real client over HTTP against a rate-limiting stub.
enum AIMDBenchmark {
    static let simulatedRates: [Double] = [5, 20, 100, 400]
    private static func fixed(_ value: Double, _ decimals: Int) -> String { BenchCommand.fixed(value, decimals) }

    static func run(liveSeconds: Double, liveRate: Double) async throws -> (text: String, met: Bool) {
        var text = "gen-bench aimd: the adaptive concurrency limit against a server admitting a known rate; no Retry-After\n"
        text += "simulated: median latency 0.5 s (lognormal, sigma 0.3), ceiling 256, 120 s, seed 1; figures over the second minute\n"
        text += "rate/s".padding(toLength: 9, withPad: " ", startingAt: 0) + "achieved/s  of rate  429 share  (whole run)  limit  ideal  within 10% after\n"
        var met = true
        for rate in simulatedRates {
            let result = AIMDSimulation(rate: rate).run()
            met = met && verdict(achieved: result.achievedRate, rate: rate)
            text += row(rate: rate, achieved: result.achievedRate, share: result.rateLimitedShare, overall: result.rateLimitedShareOverall)
            text += "  " + fixed(result.finalLimit, 1).leftPadded(5) + "  " + fixed(result.idealLimit, 1).leftPadded(5)
            text += "  " + (result.convergenceSeconds.map { fixed($0, 1) + " s" } ?? "never") + "\n"
        }
        let live = try await liveRun(seconds: liveSeconds, rate: liveRate)
        met = met && verdict(achieved: live.achieved, rate: liveRate)
        text += "live: the real client over HTTP, 64 callers, stub latency 0.25 s, \(fixed(liveSeconds, 0)) s; figures over the second half\n"
        text += row(rate: liveRate, achieved: live.achieved, share: live.share, overall: live.overall)
        text += "  limit now \(fixed(live.limit, 1)), lowest \(fixed(live.lowest, 1)), ideal \(fixed(liveRate * 0.25, 1))\n"
        text += met ? "target met: every rate reached within 10%\n" : "target MISSED: a rate was not reached within 10%\n"
        return (text, met)
    }

    private static func verdict(achieved: Double, rate: Double) -> Bool {
        abs(achieved - rate) <= 0.1 * rate
    }

    private static func row(rate: Double, achieved: Double, share: Double, overall: Double) -> String {
        fixed(rate, 0).padding(toLength: 9, withPad: " ", startingAt: 0) + fixed(achieved, 1).leftPadded(10)
            + (fixed(100 * achieved / rate, 1) + "%").leftPadded(9) + (fixed(100 * share, 1) + "%").leftPadded(11)
            + (fixed(100 * overall, 1) + "%").leftPadded(13)
    }

    /// Many callers keep the real client busy against the stub; the pool's controller alone decides what is sent.
    static func liveRun(seconds: Double, rate: Double) async throws -> (achieved: Double, share: Double, overall: Double, limit: Double, lowest: Double) {
        let stub = try RateLimitedStub(rate: rate, latency: .milliseconds(250))
        defer { stub.server.stop() }
        let client = try OpenAICompatibleClient(configuration: ClientConfiguration(
            baseURL: stub.server.baseURL, timeout: 10, maxConcurrency: 256,
            retry: RetryPolicy(maxAttempts: 1000, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200), seed: 1)))
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        await withTaskGroup(of: Void.self) { group in
            for caller in 0..<64 {
                group.addTask {
                    var call = 0
                    while Date() < deadline {
                        call += 1
                        let request = ChatRequest(model: "smollm2", messages: [.user("Write one SMS.")], maxTokens: 32, seed: caller * 100_000 + call)
                        _ = try? await client.chat(request)
                    }
                }
            }
        }
        let half = start.addingTimeInterval(seconds / 2)
        // Callers finish the call they are in after the deadline; those late arrivals are not counted.
        let second = stub.counts(in: half..<deadline)
        let whole = stub.counts(in: start..<deadline)
        let traffic = await client.traffic().first
        return (
            Double(second.admitted) / (seconds / 2), Double(second.limited) / Double(max(1, second.admitted + second.limited)),
            Double(whole.limited) / Double(max(1, whole.admitted + whole.limited)),
            traffic?.concurrencyLimit ?? 0, traffic?.lowestConcurrencyLimit ?? 0)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
