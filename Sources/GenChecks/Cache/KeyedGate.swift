/// One holder per key at a time; the others wait their turn. A cache fill goes through it, so concurrent checks
/// that need the same value (every candidate's `similarity(sample.text, spec.domain)` needs the domain's vector)
/// ask the model once and the rest find it cached: how many requests a run makes, and the tokens it counts, then
/// follow from its content and not from which request happened to answer first (a replay must make the same ones).
public actor KeyedGate {
    private var held: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    public init() {}

    /// Waits until `key` is free and takes it; true when it had to wait (another holder may have filled it).
    @discardableResult
    public func enter(_ key: String) async -> Bool {
        guard held.contains(key) else {
            held.insert(key)
            return false
        }
        await withCheckedContinuation { waiting[key, default: []].append($0) }
        return true
    }

    /// Hands `key` to the next waiter, or frees it.
    public func leave(_ key: String) {
        guard var queue = waiting[key], !queue.isEmpty else {
            held.remove(key)
            return
        }
        let next = queue.removeFirst()
        waiting[key] = queue.isEmpty ? nil : queue
        next.resume()
    }

    /// Runs `body` holding every key of `keys` (taken in sorted order, so two holders never wait on each other).
    /// `body` runs in the caller's task, not on this actor; it is told whether any key had to be waited for.
    public nonisolated func holding<T>(_ keys: [String], _ body: (_ waited: Bool) async throws -> T) async throws -> T {
        let ordered = Array(Set(keys)).sorted()
        var waited = false
        for key in ordered where await enter(key) { waited = true }
        do {
            let result = try await body(waited)
            for key in ordered { await leave(key) }
            return result
        } catch {
            for key in ordered { await leave(key) }
            throw error
        }
    }
}
