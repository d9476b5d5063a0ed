import Foundation
import GenCore
import Testing
@testable import GenProviders

/// A pool serves the oldest batch's waiting requests first (`RequestPriority`), then arrival order: a pipelined
/// run's batches complete in the order they commit.
@Suite struct PoolPriorityTests {
    private func pool() -> EndpointPool {
        EndpointPool(
            addresses: [EndpointAddress("http://127.0.0.1:1/v1")], maxConcurrency: 1, adaptive: false,
            requestsPerMinute: nil, tokensPerMinute: nil) { _ in true }
    }

    @Test func theOldestBatchIsServedFirstThenArrivalOrder() async throws {
        let pool = pool()
        let held = try await pool.acquire(estimatedTokens: 0)
        let served = ServedOrder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Arrivals: batch 7, no batch, batch 2, batch 7 again, batch 3; each waits for the one slot.
            let arrivals: [(String, Int?)] = [("7a", 7), ("none", nil), ("2", 2), ("7b", 7), ("3", 3)]
            for (arrived, (name, batch)) in arrivals.enumerated() {
                group.addTask {
                    try await RequestPriority.$batch.withValue(batch) {
                        let lease = try await pool.acquire(estimatedTokens: 0)
                        await served.append(name)
                        await pool.finish(lease, .answered(completionTokens: 1))
                    }
                }
                // Each in the queue before the next arrives, so arrival order is known.
                while await pool.waitingCount < arrived + 1 { await Task.yield() }
            }
            await pool.finish(held, .answered(completionTokens: 1))
            try await group.waitForAll()
        }
        #expect(await served.names == ["2", "3", "7a", "7b", "none"])
    }
}

private actor ServedOrder {
    var names: [String] = []

    func append(_ name: String) { names.append(name) }
}
