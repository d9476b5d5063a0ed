import Foundation
import GenCore

/// One value for the content-addressed cache.
public struct CacheEntry: Sendable, Equatable {
    /// What is cached: "judge", "entails", "embedding"...; keys of different kinds never collide.
    public var kind: String
    /// The full content the value depends on (model, prompt, text...), e.g. as canonical JSON; stored hashed.
    public var key: String
    public var value: JSONValue

    public init(kind: String, key: String, value: JSONValue) {
        self.kind = kind
        self.key = key
        self.value = value
    }
}

/// Cache traffic since the store was opened (for the run summary: "judge calls saved").
public struct CacheStatistics: Sendable, Equatable {
    public var hits = 0
    public var misses = 0
    public var writes = 0
}

extension RunStore {
    /// The cached value for `key`, or nil. Judgments and embeddings depend only on their content, so a
    /// resumed run or a re-scored sample finds them here instead of calling the model again.
    public func cachedValue(kind: String, key: String) throws -> JSONValue? {
        let row = try database().query(
            "SELECT value_json FROM cache WHERE kind = ? AND key_hash = ?", [.text(kind), .text(SHA256.hex(key))]
        ).first
        guard let row else {
            cacheCounters.misses += 1
            return nil
        }
        cacheCounters.hits += 1
        return try JSONColumn.value(row, "value_json")
    }

    /// Stores values (replacing older ones for the same key) in one transaction: one commit for a batch's
    /// worth of judgments instead of one per call.
    public func cache(_ entries: [CacheEntry]) throws {
        let database = try database()
        try database.transaction {
            for entry in entries {
                try database.query(
                    """
                    INSERT INTO cache (kind, key_hash, value_json, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (kind, key_hash) DO UPDATE SET value_json = excluded.value_json, created_at = excluded.created_at
                    """,
                    [.text(entry.kind), .text(SHA256.hex(entry.key)), JSONColumn.text(entry.value), .real(Date().timeIntervalSince1970)])
            }
        }
        cacheCounters.writes += entries.count
    }

    /// Stores one value.
    public func cache(_ value: JSONValue, kind: String, key: String) throws {
        try cache([CacheEntry(kind: kind, key: key, value: value)])
    }

    /// Hits, misses and writes since this store was opened.
    public var cacheStatistics: CacheStatistics { cacheCounters }

    /// Entries of one kind in the store (all runs' worth, since the cache lives with the run).
    public func cacheCount(kind: String) throws -> Int {
        try database().query("SELECT COUNT(*) AS count FROM cache WHERE kind = ?", [.text(kind)]).first?.int("count") ?? 0
    }
}
