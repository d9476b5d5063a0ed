import GenCore
import Foundation

extension EvaluationReport {
    /// The human-readable report: protocol header, headline scores, per-class table, confusion matrix and,
    /// when present, the train-on-real reference line.
    public var rendered: String {
        var lines = ["Evaluation of \(model) (seed \(seed)): \(`protocol`.summary)"]
        switch `protocol` {
        case .heldOut: lines.append("trained on \(trainCount) samples, tested on \(testCount)")
        case .crossValidation: lines.append("\(trainCount) samples, each scored once by the model that did not see it")
        }
        lines.append("accuracy \(TextTable.decimal(metrics.accuracy))   macro-F1 \(TextTable.decimal(metrics.macroF1))")
        lines += metrics.baselineNotes
        if !foldAccuracies.isEmpty {
            let folds = foldAccuracies.map { TextTable.decimal($0) }.joined(separator: " ")
            lines.append("fold accuracies: \(folds)")
        }
        lines.append("")
        lines.append(metrics.perClassTable)
        lines.append("")
        lines.append("confusion matrix (rows = true label, columns = predicted):")
        lines.append(metrics.confusionTable)
        if let reference = realTrainReference {
            lines.append("")
            lines.append(
                "reference, same model trained on \(reference.trainCount) real samples: accuracy "
                    + "\(TextTable.decimal(reference.metrics.accuracy))   macro-F1 \(TextTable.decimal(reference.metrics.macroF1))")
        }
        return lines.joined(separator: "\n")
    }
}

extension ClassificationMetrics {
    /// Precision, recall, F1 and support of each class.
    public var perClassTable: String {
        let rows = perClass.map { scores in
            [scores.label, TextTable.decimal(scores.precision), TextTable.decimal(scores.recall),
             TextTable.decimal(scores.f1), String(scores.support)]
        }
        return TextTable.render(header: ["class", "precision", "recall", "f1", "support"], rows: rows)
    }

    /// The confusion matrix with class names on both axes.
    public var confusionTable: String {
        let rows = labels.indices.map { row in [labels[row]] + confusion[row].map(String.init) }
        return TextTable.render(header: ["true \\ predicted"] + labels, rows: rows)
    }
}
