/// Tasks waiting inside an actor, served lowest `Key` first: arrival order for a semaphore (its key is the
/// waiter's id), oldest batch first for a pool (`PoolWaitKey`). A waiter whose task is cancelled leaves the queue
/// with `CancellationError` (the actor calls `cancel` from its cancellation handler).
struct ContinuationQueue<Key: Comparable> {
    private struct Waiter {
        var key: Key
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private var heap = MinHeap<Waiter> { $0.key < $1.key }
    private var nextID: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// The key of the waiter served next.
    var firstKey: Key? { heap.first?.key }

    /// An id for the next waiter, taken before suspending so the cancellation handler can name it.
    mutating func reserveID() -> UInt64 {
        defer { nextID += 1 }
        return nextID
    }

    mutating func enqueue(_ id: UInt64, key: Key, _ continuation: CheckedContinuation<Void, any Error>) {
        if Task.isCancelled {
            continuation.resume(throwing: CancellationError())
        } else {
            heap.insert(Waiter(key: key, id: id, continuation: continuation))
        }
    }

    mutating func cancel(_ id: UInt64) {
        heap.remove { $0.id == id }?.continuation.resume(throwing: CancellationError())
    }

    mutating func resumeFirst() {
        heap.popFirst()?.continuation.resume()
    }

    mutating func resumeAll() {
        for waiter in heap.removeAll() { waiter.continuation.resume() }
    }
}
