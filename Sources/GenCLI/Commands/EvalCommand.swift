import Foundation
import GenCore
import GenEval

/// `gen eval DATASET.jsonl --test REAL.jsonl [--model nb|logreg]`: train-on-synthetic, test-on-real for
/// any JSONL dataset, so Gen's output can be compared with data from anywhere.
enum EvalCommand {
    static let spec = CommandSpec(
        name: "eval", summary: "Train a small classifier on a JSONL dataset and test it on real data",
        details: """
            Without --test the figures come from cross-validation on DATASET itself and are labelled as such.
            With --train the same model is also trained on that real data, as the "train on real" reference line.
            """,
        positionals: [PositionalSpec("DATASET", help: "JSONL with a text and a label field per line")],
        flags: [
            FlagSpec("test", value: "FILE", help: "real held-out JSONL to test on"),
            FlagSpec("train", value: "FILE", help: "real training JSONL for the reference line"),
            FlagSpec("model", value: "NAME", choices: ["logreg", "nb"], help: "classifier (default logreg)"),
            FlagSpec("text-field", value: "NAME", help: "text field (default text)"),
            FlagSpec("label-field", value: "NAME", help: "label field (default label)"),
            FlagSpec("seed", value: "N", help: "seed (default 42)"),
        ])

    static let command = Command(spec: spec) { arguments, console in
        let textKey = arguments.value("text-field") ?? "text"
        let labelKey = arguments.value("label-field") ?? "label"
        let model = arguments.value("model") ?? "logreg"
        do {
            let seed = UInt64(max(0, try arguments.int("seed") ?? 42))
            let dataset = try load(arguments.positionals[0], textKey: textKey, labelKey: labelKey, console: console)
            let report: EvaluationReport
            if let testPath = arguments.value("test") {
                let test = try load(testPath, textKey: textKey, labelKey: labelKey, console: console)
                let realTrain = try arguments.value("train").map { try load($0, textKey: textKey, labelKey: labelKey, console: console) }
                report = try Evaluation.run(train: dataset, test: test, testSetName: testPath, model: model, seed: seed,
                                            realTrain: realTrain)
            } else {
                report = try Evaluation.crossValidate(samples: dataset, folds: 5, model: model, seed: seed)
            }
            console.write(report.rendered + "\n")
            return ExitCode.ok
        } catch let error as UsageError {
            console.writeError("error: \(error.message)\nusage: \(spec.usage)\n")
            return ExitCode.usage
        } catch let error as EvalCommandError {
            console.writeError("error: \(error.message)\n")
            return ExitCode.noInput
        } catch {
            console.writeError("error: \(error)\n")
            return ExitCode.scriptError
        }
    }

    static func load(_ path: String, textKey: String, labelKey: String, console: Console) throws -> [LabeledText] {
        guard FileManager.default.fileExists(atPath: path) else { throw EvalCommandError(message: "cannot read \(path): no such file") }
        let result = try LabeledTextLoader.read(path: path, textKey: textKey, labelKey: labelKey)
        for issue in result.issues.prefix(5) { console.writeError("warning: \(path):\(issue.line): \(issue.message)\n") }
        if result.issues.count > 5 { console.writeError("warning: \(path): \(result.issues.count - 5) more bad lines skipped\n") }
        guard !result.samples.isEmpty else { throw EvalCommandError(message: "\(path) has no usable `\(textKey)`/`\(labelKey)` lines") }
        return result.samples
    }
}

struct EvalCommandError: Error {
    var message: String
}
