import Dispatch
import Foundation
import Synchronization

/// Runs independent jobs on several threads and returns their results in input order, so the outcome never
/// depends on scheduling (each job must itself be deterministic, as every seeded model fit is).
enum ParallelJobs {
    /// The machine's core count: the default for `parallelism`.
    static var defaultParallelism: Int { ProcessInfo.processInfo.activeProcessorCount }

    static func map<T: Sendable>(
        count: Int, parallelism: Int, _ job: @Sendable (Int) throws -> T
    ) throws -> [T] {
        let workers = max(1, min(parallelism, count))
        let slots = Mutex<[Result<T, any Error>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) {
                let outcome = Result { try job(index) }
                slots.withLock { $0[index] = outcome }
            }
        }
        let outcomes = slots.withLock { $0 }
        return try outcomes.map { outcome in
            guard let outcome else { throw EvalError.invalidArgument("a parallel job did not run") }
            return try outcome.get()
        }
    }
}
