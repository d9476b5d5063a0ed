import Foundation
import GenCore
import GenEval

/// `gen eval DATASET.jsonl --test REAL.jsonl [--model nb|logreg]`: train-on-synthetic, test-on-real for
/// any JSONL dataset, so Gen's output can be compared with data from anywhere.
enum EvalCommand {
    enum Flag {
        static let test = FlagSpec("test", value: "FILE", completion: .files, help: "real held-out JSONL to test on")
        static let train = FlagSpec("train", value: "FILE", completion: .files, help: "real training JSONL for the reference line")
        static let model = FlagSpec("model", value: "NAME", choices: ClassifierRegistry.standard.names, help: "classifier (default logreg)")
        static let textField = FlagSpec("text-field", value: "NAME", help: "text field (default text)")
        static let labelField = FlagSpec("label-field", value: "NAME", help: "label field (default label)")
        static let seed = FlagSpec("seed", value: "N", help: "seed (default 42)")
    }

    static let spec = CommandSpec(
        name: "eval", summary: "Train a small classifier on a JSONL dataset and test it on real data",
        details: """
            Without --test the figures come from cross-validation on DATASET itself and are labelled as such.
            With --train the same model is also trained on that real data, as the "train on real" reference line.
            """,
        positionals: [PositionalSpec("DATASET", help: "JSONL with a text and a label field per line")],
        flags: [Flag.test, Flag.train, Flag.model, Flag.textField, Flag.labelField, Flag.seed])

    static let command = Command(spec: spec) { arguments, console in
        let textKey = arguments.value(Flag.textField) ?? "text"
        let labelKey = arguments.value(Flag.labelField) ?? "label"
        let model = arguments.value(Flag.model) ?? "logreg"
        let seed = UInt64(try arguments.int(Flag.seed, in: 0...Int.max) ?? 42)
        do {
            let dataset = try load(arguments.positionals[0], textKey: textKey, labelKey: labelKey, console: console)
            let report: EvaluationReport
            if let testPath = arguments.value(Flag.test) {
                let test = try load(testPath, textKey: textKey, labelKey: labelKey, console: console)
                let realTrain = try arguments.value(Flag.train).map { try load($0, textKey: textKey, labelKey: labelKey, console: console) }
                report = try Evaluation.run(train: dataset, test: test, testSetName: testPath, model: model, seed: seed,
                                            realTrain: realTrain)
            } else {
                report = try Evaluation.crossValidate(samples: dataset, folds: 5, model: model, seed: seed)
            }
            console.write(report.rendered + "\n")
            return ExitCode.ok
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            // The data could be read but not used (too few samples, one label): a problem with the input data.
            throw CommandFailure("\(error)", exitCode: ExitCode.scriptError)
        }
    }

    static func load(_ path: String, textKey: String, labelKey: String, console: Console) throws -> [LabeledText] {
        let result: LoadResult
        do {
            result = try LabeledTextLoader.read(path: path, textKey: textKey, labelKey: labelKey)
        } catch let error as EvalError {
            // A missing file, a directory or an unreadable one: no input to work on.
            throw CommandFailure("\(error)", exitCode: ExitCode.noInput)
        }
        for issue in result.issues.prefix(5) { console.writeError("warning: \(path):\(issue.line): \(issue.message)\n") }
        if result.issues.count > 5 { console.writeError("warning: \(path): \(result.issues.count - 5) more bad lines skipped\n") }
        guard !result.samples.isEmpty else {
            throw CommandFailure("\(path) has no usable `\(textKey)`/`\(labelKey)` lines", exitCode: ExitCode.noInput)
        }
        return result.samples
    }
}
