/// One semaphore per model name, so `max_concurrency` bounds each model separately.
actor ConcurrencyLimiter {
    private let permitsPerModel: Int
    private var semaphores: [String: AsyncSemaphore] = [:]

    init(permitsPerModel: Int) {
        self.permitsPerModel = max(1, permitsPerModel)
    }

    func semaphore(for model: String) -> AsyncSemaphore {
        if let existing = semaphores[model] { return existing }
        let created = AsyncSemaphore(permits: permitsPerModel)
        semaphores[model] = created
        return created
    }
}
