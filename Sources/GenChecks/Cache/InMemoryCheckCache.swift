import GenCore
import GenStore

/// A process-local `CheckCache` (tests, one-off scoring). Keys are kept as SHA-256 digests, like the store's.
public actor InMemoryCheckCache: CheckCache {
    private var entries: [String: JSONValue] = [:]
    /// Lookups that found a value.
    public private(set) var hits = 0
    /// Lookups that found nothing.
    public private(set) var misses = 0
    public nonisolated let gate = KeyedGate()

    public init() {}

    public func value(kind: String, key: String) -> JSONValue? {
        guard let value = entries[Self.slot(kind, key)] else {
            misses += 1
            return nil
        }
        hits += 1
        return value
    }

    public func store(_ value: JSONValue, kind: String, key: String) {
        entries[Self.slot(kind, key)] = value
    }

    /// Entries held.
    public var count: Int { entries.count }

    private static func slot(_ kind: String, _ key: String) -> String { kind + ":" + SHA256.hex(key) }
}
