import Foundation
import GenCore
import GenEval
import GenPipeline

/// The `evaluate { }` stage: trains the small classifier on the accepted pool, tests it on the real
/// test set, and splits the gain among arms (exact Shapley up to 8 arms, leave-one-out beyond).
///
/// Without a real test set it cross-validates on the synthetic data, labelled as such, and gives no
/// per-arm credit: crediting arms against their own samples would reward self-consistency, not utility.
public struct DownstreamEvaluator: Sendable {
    public let node: EvaluationNode
    let test: [LabeledText]
    let realTrain: [LabeledText]
    let seed: UInt64
    let classifiers: ClassifierRegistry

    public init(node: EvaluationNode, seed: UInt64, classifiers: ClassifierRegistry = .standard) {
        self.node = node
        self.seed = seed
        self.classifiers = classifiers
        self.test = Self.labeled(node.test, text: node.textField, label: node.labelField)
        self.realTrain = Self.labeled(node.train, text: node.textField, label: node.labelField)
    }

    static func labeled(_ rows: [JSONValue], text: String, label: String) -> [LabeledText] {
        rows.compactMap { row in
            guard let body = row[text]?.stringValue, let value = row[label]?.stringValue else { return nil }
            return LabeledText(text: body, label: value)
        }
    }

    public struct Result: Sendable {
        public var report: EvaluationReport
        public var credit: ArmCreditResult?
    }

    /// Evaluates the pool (accepted samples grouped by the arm that made them).
    public func evaluate(acceptedByArm: [String: [JSONValue]]) throws -> Result {
        var samplesByArm: [String: [LabeledText]] = [:]
        for (arm, samples) in acceptedByArm {
            samplesByArm[arm] = Self.labeled(samples, text: node.textField, label: node.labelField)
        }
        let pool = samplesByArm.keys.sorted().flatMap { samplesByArm[$0] ?? [] }
        guard !test.isEmpty else {
            let report = try Evaluation.crossValidate(samples: pool, folds: min(5, max(2, pool.count)), model: node.classifier, seed: seed,
                                                        classifiers: classifiers)
            return Result(report: report, credit: nil)
        }
        let report = try Evaluation.run(
            train: pool, test: test, testSetName: node.testPath ?? "test", model: node.classifier, seed: seed,
            realTrain: realTrain.isEmpty ? nil : realTrain, classifiers: classifiers)
        let contributing = samplesByArm.filter { !$0.value.isEmpty }
        let credit = contributing.count >= 1
            ? try ArmCredit.automatic(samplesByArm: contributing, test: test, model: node.classifier, seed: seed, classifiers: classifiers)
            : nil
        return Result(report: report, credit: credit)
    }

    /// Each arm's credit as a pseudo-reward in [0, 1]: the accuracy the pool would have if every arm
    /// contributed like this one (credits sum to full - empty, so an average arm maps to the full
    /// model's accuracy and a useless one to the majority baseline).
    public static func pseudoRewards(_ credit: ArmCreditResult) -> [String: Double] {
        let arms = Double(max(1, credit.arms.count))
        var rewards: [String: Double] = [:]
        for (arm, value) in zip(credit.arms, credit.credits) {
            rewards[arm] = min(1, max(0, credit.emptyValue + arms * value))
        }
        return rewards
    }
}
