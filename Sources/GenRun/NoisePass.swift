import GenCore
import GenEval
import GenPipeline
import GenStore

/// Where an accepted sample came from: the store's stable key for it (ordinals move on demotion) and its arm.
struct AcceptedOrigin: Sendable, Equatable {
    var batchIndex: Int
    var slot: Int
    var arm: String
}

/// One noise-filter pass over the accepted pool (the evaluate block's `noise_filter`): confident learning with
/// the evaluation's classifier, then at most `budget` of the suspects, most likely mislabelled first.
struct NoisePass {
    var demotions: [DemotionRecord] = []
    /// Positions in the pool of the demoted samples.
    var positions: [Int] = []
    /// What the evaluation records: suspects found and demoted, or why the pool was not scanned.
    var summary: JSONValue = .null

    init(pool: [JSONValue], origins: [AcceptedOrigin], node: EvaluationNode, filter: NoiseFilterNode, budget: Int,
         seed: UInt64, classifiers: ClassifierRegistry) throws {
        guard budget > 0 else {
            summary = .object(["skipped": .string("the demotion budget (max_share \(NumberText.compact(filter.maxShare))) is used up")])
            return
        }
        // Samples without a text or a label cannot be judged; they keep their place.
        var rows: [Int] = []
        var texts: [LabeledText] = []
        for (position, sample) in pool.enumerated() {
            guard let text = sample[node.textField]?.stringValue, let label = sample[node.labelField]?.stringValue else { continue }
            rows.append(position)
            texts.append(LabeledText(text: text, label: label))
        }
        let scan = try ConfidentLearning.scan(texts, folds: filter.folds, model: node.classifier, seed: seed, classifiers: classifiers)
        if let skipped = scan.skipped {
            summary = .object(["skipped": .string(skipped)])
            return
        }
        for suspect in scan.suspects.prefix(budget) {
            let origin = origins[rows[suspect.index]]
            positions.append(rows[suspect.index])
            var demotion = DemotionRecord(
                batchIndex: origin.batchIndex, slot: origin.slot, label: suspect.label, predicted: suspect.suggested,
                labelProbability: suspect.labelProbability, predictedProbability: suspect.suggestedProbability,
                probabilities: suspect.probabilities)
            demotion.arm = origin.arm
            demotion.sample = pool[rows[suspect.index]]
            demotions.append(demotion)
        }
        summary = .object(["folds": .int(filter.folds), "suspects": .int(scan.suspects.count), "demoted": .int(demotions.count)])
    }
}
