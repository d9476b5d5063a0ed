import Foundation
import GenCore
import GenPipeline
import GenStore

/// Everything a report or dataset card shows, read from one run store. Plain values: rendering never touches the store.
public struct ReportData: Sendable {
    public var directory: URL
    public var run: RunInfo
    /// The run's pipeline graph; nil when the stored graph could not be read (see `graphProblem`).
    public var graph: PipelineGraph?
    public var graphProblem: String?
    /// Arms in the script's order, then any others the store mentions; an arm's colour is its position here.
    public var arms: [String]
    public var batches: [BatchSummary]
    public var armBatches: [ArmBatchRow]
    public var armSummaries: [ArmSummaryRow]
    public var rejections: [RejectionReasonRow]
    public var stages: [StageOutcomeRow]
    /// How each model check was computed, with counts (empty when the script has none).
    public var checkMethods: [CheckMethodRow] = []
    /// How each check runs and what it measures, from the engine's capabilities.
    public var capabilities = ReportCapabilities()
    /// The field holding each sample's label, when the spec has one.
    public var labelField: String?
    public var labels: [LabelCountRow]
    /// The field whose text diversity is measured, when the schema has a string field.
    public var textField: String?
    public var diversity: [DiversityPoint]
    public var finalDiversity: DiversityFigures?
    /// How far the final distinct-2 would move with other seeds (jackknife over the accepted texts); nil under two
    /// texts, or unless the report was loaded with `noiseEstimates`.
    public var distinct2StandardError: Double?
    public var evaluations: [EvaluationRecord]
    /// The router's newest state (after the last batch or a later evaluation's credit).
    public var finalRouter: RouterSnapshot?
    public var acceptedCount: Int
    public var candidateCount: Int
    public var tokens: Int
    public var acceptedSamples: [SampleRow]
    public var rejectedSamples: [SampleRow]
    /// Lines in DIR/dataset.jsonl, or nil when it has not been exported.
    public var datasetLineCount: Int?
    /// Words in each accepted sample's text field, with its label (nil without a label field), in acceptance order.
    public var textLengths: [LabelledLength] = []
    /// A few accepted samples for each label, spread over the run.
    public var labelExamples: [SampleRow] = []
    /// Outcomes per attribute value, for arms that draw attributes (empty otherwise).
    public var attributes: [AttributeOutcomeRow] = []
    /// Outcomes per arm and asked-for label (what a contextual router learns from; empty without labels).
    public var armLabels: [ArmLabelOutcomeRow] = []
    /// Attribute values the arms' models proposed at run start, per arm, dimension and label.
    public var discovered: [DiscoveredAttribute] = []
    /// What the noise filter demoted, in order.
    public var demoted: [DemotedRow] = []
    /// What the run cost at its models' declared prices (the store's `dollarsSpent`, the run summary's figure);
    /// nil when no price was declared.
    public var dollars: Double?
    /// Each model server's traffic over the run (the store's `endpoint_traffic`, the run summary's table).
    public var endpoints: [EndpointTraffic] = []

    /// Seconds from the run's start to its end (or to its last batch while it runs).
    public var durationSeconds: Double? {
        let end = run.endedAt ?? batches.last?.endedAt
        return end.map { max(0, $0.timeIntervalSince(run.startedAt)) }
    }

    /// Label -> the number of samples its quota asks for, for the spec's enum labels.
    public var quotaTargets: [String: Double] {
        guard let spec = graph?.spec, let field = labelField, let type = spec.output.field(named: field)?.type,
              case .enumeration(let values) = type, !values.isEmpty else { return [:] }
        let target = Double(run.targetCount)
        var shares: [String: Double] = [:]
        for value in values { shares[value] = spec.quotas[value] ?? 0 }
        let total = shares.values.reduce(0, +)
        if spec.quotas.isEmpty || total <= 0 {
            return Dictionary(values.map { ($0, target / Double(values.count)) }, uniquingKeysWith: { first, _ in first })
        }
        return shares.mapValues { target * $0 / total }
    }

    /// Stage rows without the hoisted model checks that only repeat their score: a score `s` whose expression
    /// is a single check stores both "s" and "s: kind" with the same values, and the report lists each once.
    public var shownStages: [StageOutcomeRow] {
        let parents = Set(stages.filter { $0.kind == "score" || $0.kind == "rule" }.map(\.stage))
        return stages.filter { row in
            guard let parent = parents.first(where: { row.stage == $0 + ": " + row.kind }) else { return true }
            let own = stages.filter { $0.stage == row.stage }
            return !own.allSatisfy { check in
                stages.contains { $0.stage == parent && $0.arm == check.arm && $0.total == check.total && $0.passed == check.passed
                    && Self.same($0.meanScore, check.meanScore) }
            }
        }
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) < 1e-9
        default: false
        }
    }

    /// The arm's colour slot.
    public func colorIndex(of arm: String) -> Int {
        arms.firstIndex(of: arm) ?? arms.count
    }
}

/// One accepted sample's length in words, and its label.
public struct LabelledLength: Sendable, Equatable {
    public var words: Int
    public var label: String?
}

/// One batch with the router's view of every arm after it.
public struct BatchSummary: Sendable, Equatable {
    /// 0-based, as stored; charts show `index + 1`.
    public var index: Int
    public var allocation: [String: Int]
    public var tokens: Int
    public var startedAt: Date
    public var endedAt: Date
    /// Numeric batch metrics (accept_rate, novelty, vendi, ...).
    public var metrics: [String: Double]
    /// The router's estimate per arm after this batch's feedback.
    public var estimates: [String: ArmEstimate]
    /// The exploration rate after this batch, for policies that have one.
    public var epsilon: Double?
}

/// What the router believes about one arm: from its `[N, S, Q]` statistics.
public struct ArmEstimate: Sendable, Equatable {
    /// Effective number of observations.
    public var count: Double
    public var mean: Double
    /// Standard error of the mean: sqrt(variance / N); 0 with fewer than two observations' worth of data.
    public var standardError: Double

    /// Reads `[N, S, Q]`; nil when malformed or N is zero.
    public init?(statistics: JSONValue) {
        guard let items = statistics.arrayValue, items.count == 3, let count = items[0].doubleValue,
              let sum = items[1].doubleValue, let squares = items[2].doubleValue, count > 0, count.isFinite else { return nil }
        self.count = count
        mean = sum / count
        let variance = max(0, squares / count - mean * mean)
        standardError = count > 1 ? (variance / count).squareRoot() : 0
    }

    /// Estimates for every arm in a router state's `arms` member.
    static func all(in state: JSONValue) -> [String: ArmEstimate] {
        var estimates: [String: ArmEstimate] = [:]
        for (arm, statistics) in state["arms"]?.objectValue ?? [:] {
            if let estimate = ArmEstimate(statistics: statistics) { estimates[arm] = estimate }
        }
        return estimates
    }
}

/// The router's final state in readable form.
public struct RouterSnapshot: Sendable, Equatable {
    public var policy: String
    public var parameters: [String: Double]
    public var batches: Int
    public var observations: Int
    public var epsilon: Double?
    public var estimates: [String: ArmEstimate]

    init?(state: JSONValue) {
        guard let policy = state["policy"]?.stringValue else { return nil }
        self.policy = policy
        parameters = (state["parameters"]?.objectValue ?? [:]).compactMapValues(\.doubleValue)
        batches = Int(state["clock"]?["batches"]?.doubleValue ?? 0)
        observations = Int(state["clock"]?["observations"]?.doubleValue ?? 0)
        epsilon = state["epsilon"]?.doubleValue
        estimates = ArmEstimate.all(in: state)
    }
}

/// Text diversity of the accepted pool after one batch.
public struct DiversityPoint: Sendable, Equatable {
    public var batchIndex: Int
    public var figures: DiversityFigures
}

/// Distinct-n: unique n-grams over all n-grams of the accepted texts (1 = no repetition).
public struct DiversityFigures: Sendable, Equatable {
    public var texts: Int
    public var distinct1: Double
    public var distinct2: Double
}

/// One candidate shown in the report's sample tables.
public struct SampleRow: Sendable, Equatable {
    public var batchIndex: Int
    public var arm: String
    public var reward: Double
    /// The sample's text field, or its JSON, or the raw output when it did not parse.
    public var text: String
    public var label: String?
    public var reasons: [String]
}
