import GenGeneration
import GenStore

/// What keeps a run from going on forever, watched batch by batch: a server that fails every request, and
/// a run (or one label) that makes no progress however many candidates it spends.
struct RunGuards: Sendable {
    /// Candidates without one accepted sample after which the run (or a label still short) has stalled.
    let stallWindow: Int
    /// Failed requests in a row (each already retried by the client) after which the server is down.
    let maxConsecutiveRequestFailures: Int

    private(set) var consecutiveRequestFailures = 0
    private var run = Window()
    private var labels: [String: Window] = [:]

    /// Candidates and their rejection reasons since the last accepted sample.
    struct Window: Sendable {
        var candidates = 0
        var reasons: [String: Int] = [:]

        mutating func add(_ record: CandidateRecord) {
            if record.verdict == .accepted {
                self = Window()
            } else {
                candidates += 1
                for reason in record.reasons where !SurplusReason.isSurplus(reason: reason) { reasons[reason, default: 0] += 1 }
            }
        }

        var topReasons: String {
            let top = reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
            return top.isEmpty ? "no reason recorded" : top.map { "\($0.key) (\($0.value)x)" }.joined(separator: "; ")
        }
    }

    init(stallWindow: Int, maxConsecutiveRequestFailures: Int) {
        self.stallWindow = stallWindow
        self.maxConsecutiveRequestFailures = maxConsecutiveRequestFailures
    }

    /// The defaults for a batch size: a stall is 10 batches (at least 100 candidates) without an accepted sample
    /// (at a 2% pass rate, 13% of windows would see none: such a script needs fixing anyway); the server is
    /// down after two batches' worth (at least 16) of failed requests in a row.
    static func defaults(batchSize: Int) -> RunGuards {
        RunGuards(stallWindow: max(100, 10 * batchSize), maxConsecutiveRequestFailures: max(16, 2 * batchSize))
    }

    /// Counts a committed batch. Throws when the server keeps failing; returns a stall when no progress is
    /// being made. `stillNeeded` says whether a label's quota still wants samples.
    mutating func observe(
        _ candidates: [Candidate], _ records: [CandidateRecord], stillNeeded: (String) -> Bool
    ) throws(RunHalt) -> RunEnd? {
        for (candidate, record) in zip(candidates, records) {
            if candidate.requestFailed {
                consecutiveRequestFailures += 1
                if consecutiveRequestFailures >= maxConsecutiveRequestFailures {
                    throw .serverFailing(requests: consecutiveRequestFailures, last: candidate.failure ?? "request failed")
                }
            } else {
                consecutiveRequestFailures = 0
            }
            run.add(record)
            if let label = candidate.targetLabel { labels[label, default: Window()].add(record) }
        }
        if run.candidates >= stallWindow {
            return .stalled("no sample accepted in the last \(run.candidates) candidates; top reasons: \(run.topReasons)")
        }
        for label in labels.keys.sorted() where stillNeeded(label) {
            guard let window = labels[label], window.candidates >= stallWindow else { continue }
            return .stalled("label `\(label)` cannot progress: none of the last \(window.candidates) candidates asked for it was "
                            + "accepted; top reasons: \(window.topReasons)")
        }
        return nil
    }
}

/// A run that cannot go on for a reason outside the script: the store is consistent, and what was accepted is kept.
public enum RunHalt: Error, Equatable, CustomStringConvertible {
    case serverFailing(requests: Int, last: String)

    public var description: String {
        switch self {
        case .serverFailing(let requests, let last):
            "\(requests) requests in a row failed (after retries), so the model server looks down or broken; the last: \(last)"
        }
    }
}
