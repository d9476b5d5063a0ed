/// Rows the report (`gen report`) draws from the store. Each is one GROUP BY away from a chart.

/// One arm in one batch: how many slots it got, how many it had accepted, its mean reward, what it cost.
public struct ArmBatchRow: Sendable, Equatable {
    public var batchIndex: Int
    public var arm: String
    public var generated: Int
    public var accepted: Int
    public var meanReward: Double
    public var tokens: Int
    /// Nil when no candidate's price was known.
    public var dollars: Double? = nil
}

/// One arm over the whole run.
public struct ArmSummaryRow: Sendable, Equatable {
    public var arm: String
    public var generated: Int
    public var accepted: Int
    /// Candidates that passed every check: the accepted ones and those left over once the target was met.
    public var passed: Int
    public var meanReward: Double
    public var tokens: Int
    public var meanLatencySeconds: Double
    /// What the arm's candidates and its attribute discovery cost at the declared prices; nil when unknown.
    public var dollars: Double? = nil

    /// Dollars per accepted sample, rejected candidates included (nil when unknown or nothing was accepted).
    public var dollarsPerAccepted: Double? { accepted > 0 ? dollars.map { $0 / Double(accepted) } : nil }

    /// The share of the arm's candidates that passed every check: the one "pass %" the run summary, resume,
    /// inspect, the report and the card all show.
    public var passRate: Double { generated > 0 ? Double(passed) / Double(generated) : 0 }
}

/// How often a stage rejected an arm's candidates.
public struct RejectionReasonRow: Sendable, Equatable {
    public var arm: String
    public var reason: String
    public var count: Int
}

/// Accepted samples per value of a field (label coverage).
public struct LabelCountRow: Sendable, Equatable {
    /// The field's value as canonical JSON text for non-strings, the string itself otherwise; nil when absent.
    public var label: String?
    public var count: Int
}

/// One value per batch, for series such as epsilon or diversity over time.
public struct BatchSeriesPoint: Sendable, Equatable {
    public var batchIndex: Int
    public var value: Double?
}

/// Mean of one candidate score for one arm in one batch (novelty, quality...).
public struct ScoreSeriesRow: Sendable, Equatable {
    public var batchIndex: Int
    public var arm: String
    public var mean: Double
    public var count: Int
}

/// Which batch-level JSON a series reads from.
public enum BatchSeriesSource: Sendable {
    /// A member of the batch's metrics JSON, by dotted path ("epsilon", "diversity.vendi").
    case metric(String)
    /// A member of the router state saved after the batch.
    case routerState(String)
}

/// How one quality stage fared on one arm's candidates.
public struct StageOutcomeRow: Sendable, Equatable {
    public var arm: String
    public var stage: String
    public var kind: String
    public var total: Int
    public var passed: Int
    /// Mean score over the checks that had one; nil when none did.
    public var meanScore: Double?
    /// Outcomes served from the content cache.
    public var cached: Int
    /// Checks that had a score, and the mean of the squared scores: with `meanScore`, the spread of a score.
    public var scored: Int = 0
    public var meanSquareScore: Double?

    public init(arm: String, stage: String, kind: String, total: Int, passed: Int, meanScore: Double?, cached: Int,
                scored: Int = 0, meanSquareScore: Double? = nil) {
        self.arm = arm
        self.stage = stage
        self.kind = kind
        self.total = total
        self.passed = passed
        self.meanScore = meanScore
        self.cached = cached
        self.scored = scored
        self.meanSquareScore = meanSquareScore
    }
}

/// How the candidates that drew one attribute value fared.
public struct AttributeOutcomeRow: Sendable, Equatable {
    public var attribute: String
    public var value: String
    public var generated: Int
    public var accepted: Int
    /// Passed every check (the run summary's pass % numerator).
    public var passed: Int
    public var meanReward: Double

    public init(attribute: String, value: String, generated: Int, accepted: Int, passed: Int, meanReward: Double) {
        self.attribute = attribute
        self.value = value
        self.generated = generated
        self.accepted = accepted
        self.passed = passed
        self.meanReward = meanReward
    }
}

/// One arm's candidates for one asked-for label.
public struct ArmLabelOutcomeRow: Sendable, Equatable {
    public var arm: String
    public var label: String
    public var generated: Int
    public var accepted: Int
    /// Passed every check (the run summary's pass % numerator).
    public var passed: Int
    public var meanReward: Double

    public init(arm: String, label: String, generated: Int, accepted: Int, passed: Int, meanReward: Double) {
        self.arm = arm
        self.label = label
        self.generated = generated
        self.accepted = accepted
        self.passed = passed
        self.meanReward = meanReward
    }
}
