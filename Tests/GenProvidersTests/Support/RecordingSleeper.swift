import GenProviders

/// A `Sleeper` that records each requested wait and returns at once, so retry tests check backoff and
/// Retry-After handling without spending the time.
actor RecordingSleeper: Sleeper {
    private(set) var waits: [Duration] = []

    func sleep(for duration: Duration) async throws {
        waits.append(duration)
        try Task.checkCancellation()
    }
}
