import GenCore
import GenStore

/// A `CheckCache` in the run's SQLite store (its `cache` table), so judgments survive a kill and a resume.
public struct RunStoreCheckCache: CheckCache {
    public let runStore: RunStore
    public let gate = KeyedGate()

    public init(store: RunStore) {
        self.runStore = store
    }

    public func value(kind: String, key: String) async throws -> JSONValue? {
        try await runStore.cachedValue(kind: kind, key: key)
    }

    public func store(_ value: JSONValue, kind: String, key: String) async throws {
        try await runStore.cache(value, kind: kind, key: key)
    }
}
