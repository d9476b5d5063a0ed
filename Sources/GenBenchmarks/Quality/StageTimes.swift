import GenQuality
import GenPipeline
import Foundation

/// Time per in-process stage, for the benchmark table.
///
/// Stages take microseconds, so they are timed with the monotonic clock (read in user space, about 20 ns);
/// the thread CPU clock is a system call whose cost, and the cache and TLB misses it leaves behind, would
/// swamp the small stages. On a shared machine an interval may include time the thread was descheduled:
/// intervals over `preemption` are left out (and counted).
struct StageTimes {
    static let stages = ["schema", "rules", "normalise", "dedup", "tfidf", "nn-search", "diversity", "accept"]
    static let preemption: UInt64 = 500_000
    private var nanoseconds = [UInt64](repeating: 0, count: StageTimes.stages.count)
    private var counted = [Int](repeating: 0, count: StageTimes.stages.count)
    private(set) var discarded = 0
    private var last: UInt64 = 0

    /// Thread CPU time in nanoseconds (for whole windows: not disturbed by other processes).
    static func cpuNow() -> UInt64 {
        read(CLOCK_THREAD_CPUTIME_ID)
    }

    static func wallNow() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    mutating func start() {
        last = Self.wallNow()
    }

    /// Charges the time since the previous mark to `stage`.
    mutating func mark(_ stage: Int) {
        let time = Self.wallNow()
        let interval = time - last
        if interval > Self.preemption {
            discarded += 1
        } else {
            nanoseconds[stage] += interval
            counted[stage] += 1
        }
        last = time
    }

    func microsecondsPerSample(_ stage: Int) -> Double {
        counted[stage] == 0 ? 0 : Double(nanoseconds[stage]) / Double(counted[stage]) / 1000
    }

    var totalMicrosecondsPerSample: Double {
        Self.stages.indices.reduce(0) { $0 + microsecondsPerSample($1) }
    }
}
