import Foundation
import Testing
import GenCore
@testable import GenStore

/// Schema version 6: each model server's traffic, written as differences (with a batch or alone) and read as
/// totals, so a resumed run's figures cover every session.
@Suite struct EndpointTrafficStoreTests {
    static func change(_ endpoint: String, requests: Int, answered: Int, refused: Int = 0, limit: Double?, lowest: Double?) -> EndpointTraffic {
        var record = EndpointTraffic(model: "local", endpoint: endpoint)
        record.requests = requests
        record.answered = answered
        record.connectionFailures = refused
        record.circuitOpenings = refused > 0 ? 1 : 0
        record.promptTokens = answered * 10
        record.completionTokens = answered * 5
        record.concurrencyLimit = limit
        record.lowestConcurrencyLimit = lowest
        return record
    }

    @Test func changesAddUpWithTheBatchAndAloneAndTheLimitsKeepLatestAndLowest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        let a = "http://10.0.0.1:8000/v1", b = "http://10.0.0.2:8000/v1"
        _ = try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "one")], traffic: [
            Self.change(a, requests: 3, answered: 3, limit: 8, lowest: 4),
            Self.change(b, requests: 2, answered: 1, refused: 1, limit: 4, lowest: 2),
        ])
        // A second session (after a resume) starts its counts at zero and adds its own.
        try await store.recordTraffic([Self.change(a, requests: 5, answered: 4, refused: 1, limit: 6, lowest: 6)])
        let rows = try await store.endpointTraffic()
        #expect(rows.map(\.endpoint) == [a, b], "in the order first written")
        #expect(rows[0].requests == 8 && rows[0].answered == 7 && rows[0].connectionFailures == 1 && rows[0].circuitOpenings == 1)
        #expect(rows[0].promptTokens == 70 && rows[0].completionTokens == 35)
        #expect(rows[0].concurrencyLimit == 6 && rows[0].lowestConcurrencyLimit == 4, "latest limit, lowest ever")
        #expect(rows[1].failures == 1 && rows[1].failureBreakdown == "1 refused or broken connection")
        await store.close()
    }

    @Test func aFailedBatchWritesNoTraffic() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        await #expect(throws: StoreError.self) {
            _ = try await store.record(batch: Fixtures.batch(3), candidates: [], traffic: [
                Self.change("http://x/v1", requests: 1, answered: 1, limit: nil, lowest: nil),
            ])
        }
        #expect(try await store.endpointTraffic().isEmpty, "the batch's transaction rolled back its traffic too")
        await store.close()
    }

    @Test func theBreakdownNamesEachKind() {
        var record = EndpointTraffic(model: "m", endpoint: "u")
        record.timeouts = 2
        record.serverErrors = 1
        record.rateLimited = 3
        record.rejected = 1
        #expect(record.failureBreakdown == "2 timeouts, 1 5xx, 3 429, 1 other 4xx")
        #expect(record.failures == 7)
    }
}
