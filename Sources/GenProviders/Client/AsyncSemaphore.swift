/// A counting semaphore for async code: at most `permits` holders at a time, waiters served in order.
/// A waiting task that is cancelled stops waiting and throws `CancellationError`.
public actor AsyncSemaphore {
    private var available: Int
    private var waiters = ContinuationQueue<UInt64>()

    public init(permits: Int) {
        available = max(1, permits)
    }

    /// Runs `body` while holding a permit, releasing it however `body` ends.
    public nonisolated func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    public func acquire() async throws {
        if available > 0 {
            available -= 1
            return
        }
        let id = waiters.reserveID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.enqueue(id, key: id, continuation)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    public func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.resumeFirst()
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        waiters.cancel(id)
    }
}
