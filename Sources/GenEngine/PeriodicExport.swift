import Foundation
import GenEval
import GenProviders
import GenRun
import GenStore

/// Rewrites the exported files from the store after a batch when `interval` seconds have passed since the
/// last export, then passes the batch on to the caller's observer. Without it, dataset.jsonl only appeared
/// at the end of a run (or on Ctrl-C), and a killed run left nothing to look at until `--resume`. Each export
/// rewrites the files atomically from one snapshot of the store, so they never hold a partial line.
actor PeriodicExport: RunObserver {
    private let store: RunStore
    private let options: ExportOptions
    private let interval: Double
    private let next: (any RunObserver)?
    private var lastExport = Date()

    init(store: RunStore, options: ExportOptions, interval: Double, next: (any RunObserver)?) {
        self.store = store
        self.options = options
        self.interval = interval
        self.next = next
    }

    func batchFinished(_ progress: RunProgress) async {
        if Date().timeIntervalSince(lastExport) >= interval {
            // A failed interim export is not worth stopping the run for: the final one reports its error.
            _ = try? await store.export(options)
            lastExport = Date()
        }
        await next?.batchFinished(progress)
    }

    func evaluationFinished(_ report: EvaluationReport, credit: ArmCreditResult?) async {
        await next?.evaluationFinished(report, credit: credit)
    }

    func batchAPIProgress(model: String, _ progress: BatchProgress) async {
        await next?.batchAPIProgress(model: model, progress)
    }
}
