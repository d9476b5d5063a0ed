import GenProviders
import Testing

@Suite struct AsyncSemaphoreTests {
    /// Counts holders inside the semaphore and remembers the peak.
    actor Gauge {
        var current = 0
        var peak = 0
        func enter() { current += 1; peak = max(peak, current) }
        func leave() { current -= 1 }
    }

    @Test func holdersNeverExceedPermits() async throws {
        let semaphore = AsyncSemaphore(permits: 3)
        let gauge = Gauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await semaphore.withPermit {
                        await gauge.enter()
                        try await Task.sleep(for: .milliseconds(5))
                        await gauge.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await gauge.peak == 3)
        #expect(await gauge.current == 0)
    }

    @Test func aThrowingBodyReleasesItsPermit() async throws {
        struct Boom: Error {}
        let semaphore = AsyncSemaphore(permits: 1)
        await #expect(throws: Boom.self) { try await semaphore.withPermit { throw Boom() } }
        let value = try await semaphore.withPermit { 42 }
        #expect(value == 42)
    }

    @Test func aCancelledWaiterStopsWaitingAndFreesNoPermit() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        // The permit is still held by us: releasing it must make exactly one permit available again.
        await semaphore.release()
        try await semaphore.acquire()
        let blocked = Task { try await semaphore.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        blocked.cancel()
        await #expect(throws: CancellationError.self) { try await blocked.value }
    }
}
