import Testing
import GenEval
@testable import GenCLI

/// The run's evaluation line shows the majority baseline beside the accuracy, as every place that shows one.
@Suite struct EvaluationLineTests {
    @Test func theEvaluationLineCarriesTheBaseline() async throws {
        let train = (0..<20).map { LabeledText(text: $0 % 2 == 0 ? "great fun film \($0)" : "dull boring film \($0)", label: $0 % 2 == 0 ? "pos" : "neg") }
        let test = [LabeledText(text: "great fun", label: "pos"), LabeledText(text: "great", label: "pos"), LabeledText(text: "dull", label: "neg")]
        let report = try Evaluation.run(train: train, test: test, seed: 1)
        let console = CapturingConsole()
        await TerminalProgress(console: console).evaluationFinished(report, credit: nil)
        #expect(console.stderrText.contains("majority-class baseline 0.667 (always `pos`)"), "\(console.stderrText)")
    }
}
