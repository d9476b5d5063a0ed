import Foundation
import GenCore
import Testing
@testable import GenStore

@Suite struct CacheTests {
    @Test func valuesSurviveReopenAndKindsStayApart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        let key = CanonicalJSON.string(.object(["model": .string("smollm2"), "text": .string("I lost my card")]))
        #expect(try await store.cachedValue(kind: "judge", key: key) == nil)
        try await store.cache([
            CacheEntry(kind: "judge", key: key, value: .object(["yes": .double(0.875)])),
            CacheEntry(kind: "embedding", key: key, value: .array([.double(0.25), .double(-1.5)])),
        ])
        #expect(try await store.cachedValue(kind: "judge", key: key) == .object(["yes": .double(0.875)]))
        #expect(await store.cacheStatistics == CacheStatistics(hits: 1, misses: 1, writes: 2))
        await store.close()

        let reopened = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        #expect(try await reopened.cachedValue(kind: "embedding", key: key) == .array([.double(0.25), .double(-1.5)]))
        #expect(try await reopened.cachedValue(kind: "judge", key: key + " ") == nil)
        try await reopened.cache(.object(["yes": .double(0.5)]), kind: "judge", key: key)
        #expect(try await reopened.cachedValue(kind: "judge", key: key) == .object(["yes": .double(0.5)]))
        #expect(try await reopened.cacheCount(kind: "judge") == 1)
    }
}
