/// Tasks waiting inside an actor, in arrival order. A waiter whose task is cancelled leaves the queue with
/// `CancellationError` (the actor calls `cancel` from its cancellation handler).
struct ContinuationQueue {
    private var waiting: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID: UInt64 = 0

    var isEmpty: Bool { waiting.isEmpty }

    /// An id for the next waiter, taken before suspending so the cancellation handler can name it.
    mutating func reserveID() -> UInt64 {
        defer { nextID += 1 }
        return nextID
    }

    mutating func enqueue(_ id: UInt64, _ continuation: CheckedContinuation<Void, any Error>) {
        if Task.isCancelled {
            continuation.resume(throwing: CancellationError())
        } else {
            waiting.append((id, continuation))
        }
    }

    mutating func cancel(_ id: UInt64) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    mutating func resumeFirst() {
        guard !waiting.isEmpty else { return }
        waiting.removeFirst().continuation.resume()
    }

    mutating func resumeAll() {
        let woken = waiting
        waiting = []
        for waiter in woken { waiter.continuation.resume() }
    }
}
