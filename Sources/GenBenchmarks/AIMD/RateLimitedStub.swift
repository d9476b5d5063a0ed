import Foundation
import GenTestSupport
import Synchronization

/// A stub model server that admits `rate` chat requests per second (a token bucket holding one second's worth)
/// and answers the rest 429 at once, without Retry-After; admitted requests take `latency`. It counts both.
final class RateLimitedStub: Sendable {
    let server: StubHTTPServer
    private let ledger: Ledger

    /// The bucket and the arrivals, shared with the server's connection threads.
    final class Ledger: Sendable {
        let state: Mutex<State>

        init(_ state: State) {
            self.state = Mutex(state)
        }
    }

    struct State {
        var bucket: Double
        var refilled: Date
        var admitted: [Date] = []
        var limited: [Date] = []
    }

    init(rate: Double, latency: Duration) throws {
        let ledger = Ledger(State(bucket: rate, refilled: Date()))
        self.ledger = ledger
        server = try StubHTTPServer { request, _ in
            guard request.route.hasSuffix("/chat/completions") else { return StubModelServer.answer(request) }
            let admitted: Bool = ledger.state.withLock { state in
                let now = Date()
                state.bucket = min(rate, state.bucket + now.timeIntervalSince(state.refilled) * rate)
                state.refilled = now
                guard state.bucket >= 1 else {
                    state.limited.append(now)
                    return false
                }
                state.bucket -= 1
                state.admitted.append(now)
                return true
            }
            guard admitted else {
                return .json(.object(["error": .object(["message": .string("rate limit reached")])]), status: 429)
            }
            var answer = StubModelServer.answer(request)
            answer.delay = latency
            return answer
        }
    }

    /// Admitted and rate-limited requests that arrived in `window`.
    func counts(in window: Range<Date>) -> (admitted: Int, limited: Int) {
        ledger.state.withLock { state in
            (state.admitted.filter(window.contains).count, state.limited.filter(window.contains).count)
        }
    }
}
