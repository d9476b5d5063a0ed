import GenCore

/// Requests waiting for an endpoint of a pool, served oldest batch first (`RequestPriority`), then in arrival
/// order. A waiter whose task is cancelled leaves with `CancellationError`.
struct PoolWaiters {
    /// The order waiters are served in: batch (none last), then arrival.
    struct Key: Comparable {
        var batch: Int
        var arrival: UInt64

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.batch, lhs.arrival) < (rhs.batch, rhs.arrival) }
    }

    private struct Waiter {
        var key: Key
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private var heap = MinHeap<Waiter> { $0.key < $1.key }
    private var nextID: UInt64 = 0
    private var nextArrival: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// The key of the first waiter served.
    var firstKey: Key? { heap.first?.key }

    /// The key of a request arriving now, in the current task's batch.
    mutating func arrivalKey() -> Key {
        defer { nextArrival += 1 }
        return Key(batch: RequestPriority.batch ?? .max, arrival: nextArrival)
    }

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
