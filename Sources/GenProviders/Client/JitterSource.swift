import GenCore

/// The seeded stream of jitter draws shared by a client's concurrent retries.
actor JitterSource {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed).derived("retry-jitter")
    }

    func nextUnit() -> Double {
        random.nextUnit()
    }
}
