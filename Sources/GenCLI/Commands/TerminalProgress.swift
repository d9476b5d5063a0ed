import Foundation
import GenEval
import GenProviders
import GenRun

/// Draws run progress: one status block redrawn in place on a terminal, one line per batch otherwise.
actor TerminalProgress: RunObserver {
    let console: Console
    let live: Bool
    var linesDrawn = 0

    init(console: Console) {
        self.console = console
        self.live = console.stderrIsTerminal
    }

    func batchFinished(_ progress: RunProgress) async {
        guard live else {
            console.writeError(ProgressText.line(progress) + "\n")
            return
        }
        let block = ProgressText.block(progress)
        // Move up over the previous block and clear to the end of the screen, then draw the new one.
        let erase = linesDrawn > 0 ? "\u{1B}[\(linesDrawn)A\u{1B}[J" : ""
        console.writeError(erase + block)
        linesDrawn = block.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }

    /// A batch-mode model's batch moved: one line each time (its status or count changed), so a run waiting hours
    /// on a hosted batch says what it waits on.
    func batchAPIProgress(model: String, _ progress: BatchProgress) async {
        if live { linesDrawn = 0 }
        console.writeError(ProgressText.batchAPI(model: model, progress) + "\n")
    }

    func evaluationFinished(_ report: EvaluationReport, credit: ArmCreditResult?) async {
        var line = "evaluation after \(report.trainCount) samples: accuracy \(String(format: "%.3f", report.metrics.accuracy)), "
        line += "macro-F1 \(String(format: "%.3f", report.metrics.macroF1)) (\(report.protocol.summary)); "
            + report.metrics.baselineNotes.joined(separator: "; ")
        if let credit {
            line += "; credit " + zip(credit.arms, credit.credits).map { "\($0) \(String(format: "%+.3f", $1))" }.joined(separator: ", ")
        }
        if live { linesDrawn = 0 }
        console.writeError(line + "\n")
    }
}
