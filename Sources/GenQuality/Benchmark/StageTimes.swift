import Foundation

/// Accumulated wall time per in-process stage, for the benchmark table.
struct StageTimes {
    static let stages = ["schema", "rules", "normalise", "dedup", "tfidf", "nn-search", "diversity", "accept"]
    private(set) var nanoseconds = [UInt64](repeating: 0, count: StageTimes.stages.count)
    private(set) var samples = 0
    private var last: UInt64 = 0

    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)  // CPU time: the machine is shared, wall time is not ours
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    mutating func start() {
        samples += 1
        last = Self.now()
    }

    /// Charges the time since the previous mark to `stage`.
    mutating func mark(_ stage: Int) {
        let time = Self.now()
        nanoseconds[stage] += time - last
        last = time
    }

    func microsecondsPerSample(_ stage: Int) -> Double {
        samples == 0 ? 0 : Double(nanoseconds[stage]) / Double(samples) / 1000
    }

    var totalMicrosecondsPerSample: Double {
        samples == 0 ? 0 : Double(nanoseconds.reduce(0, +)) / Double(samples) / 1000
    }
}
