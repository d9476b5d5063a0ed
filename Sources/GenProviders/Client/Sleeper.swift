/// Waits between retries. Injected so tests record the waits instead of spending them.
public protocol Sleeper: Sendable {
    func sleep(for duration: Duration) async throws
}

/// The production sleeper: a cancellable `Task.sleep`.
public struct TaskSleeper: Sleeper {
    public init() {}

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
