import GenCore
import GenRun

/// A check outcome as stored in the cache, and back. A cache hit costs no tokens and says it was cached.
enum CachedOutcome {
    static func json(_ outcome: ModelCheckOutcome) -> JSONValue {
        .object([
            "score": .double(outcome.score),
            "method": .string(outcome.method),
            "detail": outcome.detail,
            "tokens": .int(outcome.tokens),
        ])
    }

    /// Nil when the stored value is not an outcome (an older format): the caller then asks the model again.
    static func outcome(_ value: JSONValue) -> ModelCheckOutcome? {
        guard let score = value["score"]?.doubleValue, let method = value["method"]?.stringValue else { return nil }
        return ModelCheckOutcome(score: score, method: method, detail: value["detail"] ?? .null, tokens: 0, cached: true)
    }

    /// Looks `key` up; on a miss runs `compute` and stores its outcome unless `shouldStore` says not to
    /// (unreadable answers are not cached, so a later call may do better).
    static func fetch(
        cache: any CheckCache, kind: String, key: String,
        shouldStore: (ModelCheckOutcome) -> Bool = { _ in true },
        compute: () async throws -> ModelCheckOutcome
    ) async throws -> ModelCheckOutcome {
        if let stored = try await cache.value(kind: kind, key: key), let outcome = outcome(stored) { return outcome }
        // A miss is filled by one caller at a time: the others then find it stored (see `KeyedGate`).
        return try await cache.gate.holding([kind + "\u{0}" + key]) { waited in
            if waited, let stored = try await cache.value(kind: kind, key: key), let outcome = outcome(stored) { return outcome }
            let outcome = try await compute()
            if shouldStore(outcome) { try await cache.store(json(outcome), kind: kind, key: key) }
            return outcome
        }
    }
}
