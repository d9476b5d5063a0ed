import Foundation

/// Set by Ctrl-C (or a test) to ask the run to stop after the batch in flight is written.
public final class StopSignal: @unchecked Sendable {
    // Guarded by `lock`; read between batches only, so contention is nil.
    private let lock = NSLock()
    private var stopRequested = false
    private var why: String?

    public init() {}

    public func request(_ reason: String = "stop requested") {
        lock.withLock {
            stopRequested = true
            why = why ?? reason
        }
    }

    public var isRequested: Bool { lock.withLock { stopRequested } }
    public var reason: String? { lock.withLock { why } }
}
