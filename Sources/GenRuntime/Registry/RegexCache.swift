import GenCore
import Synchronization

/// Compiled regular expressions by pattern, shared by every evaluation of one interpreter.
///
/// Rules run per sample, and a pattern need only be parsed and compiled once. Evaluation is synchronous,
/// so an actor cannot serve it; a mutex-guarded dictionary can. Bounded: cleared when it reaches its limit.
final class RegexCache: Sendable {
    private let storage = Mutex<[String: LinearRegex]>([:])
    private let limit: Int

    init(limit: Int = 256) {
        self.limit = limit
    }

    func expression(for pattern: String) -> LinearRegex? {
        storage.withLock { $0[pattern] }
    }

    func store(_ expression: LinearRegex, for pattern: String) {
        storage.withLock { cache in
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[pattern] = expression
        }
    }
}
