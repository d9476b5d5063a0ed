import GenCore
import GenEval
import GenPipeline
import GenProviders
import GenStore

/// What the status display shows after each batch, and what the summary table is made of.
public struct RunProgress: Sendable, Equatable {
    public var batchIndex: Int
    public var accepted: Int
    public var target: Int
    public var candidates: Int
    public var tokens: Int
    /// What the run spent at its models' declared prices (the store's `dollarsSpent`); nil while unknown.
    public var dollars: Double?
    public var elapsedSeconds: Double
    /// The router's exploration rate, for epsilon-greedy.
    public var epsilon: Double?
    public var arms: [ArmProgress]

    public init(
        batchIndex: Int, accepted: Int, target: Int, candidates: Int, tokens: Int, elapsedSeconds: Double,
        epsilon: Double?, arms: [ArmProgress]
    ) {
        self.batchIndex = batchIndex
        self.accepted = accepted
        self.target = target
        self.candidates = candidates
        self.tokens = tokens
        self.elapsedSeconds = elapsedSeconds
        self.epsilon = epsilon
        self.arms = arms
    }

    /// Accepted samples per minute over this session of the run.
    public var samplesPerMinute: Double {
        elapsedSeconds > 0 ? Double(acceptedThisSession) / elapsedSeconds * 60 : 0
    }

    /// Attribute values the arms' models proposed at run start (`discover(...)`), asked once and stored; their
    /// tokens are in `tokens` and the arms' tokens.
    public var discovered: [DiscoveredAttribute] = []
    /// The part of `tokens` spent on attribute discovery (kept out of the reward's mean cost per candidate).
    public var discoveryTokens: Int { discovered.reduce(0) { $0 + $1.tokens } }
    /// Accepted samples the noise filter demoted over the whole run (no longer in `accepted`).
    public var demoted = 0
    /// The models whose calls the dollars leave out (used, but without a price while another has one).
    public var unpricedModels: [String] = []
    /// Each model server's traffic over the whole run, as the store holds it after the last batch.
    public var endpoints: [EndpointTraffic] = []

    /// Accepted at the start of this process (non-zero after a resume), so the rate is honest.
    public var acceptedAtStart = 0
    var acceptedThisSession: Int { accepted - acceptedAtStart }

    /// Counts a committed batch: its records per arm (a surplus sample counts as passed, not as a rejection),
    /// the store's accepted total and the tokens spent.
    public mutating func record(batch index: Int, _ records: [CandidateRecord], acceptedTotal: Int, epsilon: Double?) {
        batchIndex = index + 1
        accepted = acceptedTotal
        candidates += records.count
        tokens += records.reduce(0) { $0 + $1.tokens }
        dollars = ModelPrice.sum([dollars] + records.map(\.dollars))
        self.epsilon = epsilon
        for record in records {
            guard let position = arms.firstIndex(where: { $0.name == record.arm }) else { continue }
            arms[position].pulls += 1
            arms[position].rewardSum += record.reward
            arms[position].tokens += record.tokens
            arms[position].dollars = ModelPrice.sum([arms[position].dollars, record.dollars])
            if record.verdict == .accepted || SurplusReason.isSurplus(record.reasons) { arms[position].passed += 1 }
            if record.verdict == .accepted {
                arms[position].accepted += 1
            } else {
                for reason in record.reasons where !SurplusReason.isSurplus(reason: reason) {
                    arms[position].rejections[RejectionCategory.of(reason), default: 0] += 1
                }
            }
        }
    }

    /// Dollars per accepted sample, rejected candidates included (nil when unknown or nothing was accepted).
    public var dollarsPerAccepted: Double? { accepted > 0 ? dollars.map { $0 / Double(accepted) } : nil }

    /// Candidates that passed every check, over all arms (surplus ones included).
    public var passed: Int { arms.reduce(0) { $0 + $1.passed } }

    /// Seconds until the target at the current rate, nil until there is a rate.
    public var etaSeconds: Double? {
        let rate = samplesPerMinute / 60
        guard rate > 0 else { return nil }
        return Double(max(0, target - accepted)) / rate
    }
}

/// One arm's running totals.
public struct ArmProgress: Sendable, Equatable {
    public var name: String
    public var pulls: Int
    public var accepted: Int
    public var rewardSum: Double
    public var tokens: Int
    /// What the arm spent at its model's declared price (nil while unknown).
    public var dollars: Double?
    public var rejections: [String: Int]
    /// Candidates that passed every check, including surplus ones left over once the target was met.
    public var passed: Int

    public init(name: String, pulls: Int = 0, accepted: Int = 0, rewardSum: Double = 0, tokens: Int = 0,
                rejections: [String: Int] = [:], passed: Int? = nil) {
        self.name = name
        self.pulls = pulls
        self.accepted = accepted
        self.passed = passed ?? accepted
        self.rewardSum = rewardSum
        self.tokens = tokens
        self.rejections = rejections
    }

    public var meanReward: Double { pulls > 0 ? rewardSum / Double(pulls) : 0 }
    /// Share of the arm's candidates that passed every check (surplus samples count: they were good).
    public var acceptanceRate: Double { pulls > 0 ? Double(passed) / Double(pulls) : 0 }
    /// Tokens spent per accepted sample (nil when nothing was accepted).
    public var tokensPerAccepted: Double? { accepted > 0 ? Double(tokens) / Double(accepted) : nil }
    /// Dollars spent per accepted sample (nil when unknown or nothing was accepted).
    public var dollarsPerAccepted: Double? { accepted > 0 ? dollars.map { $0 / Double(accepted) } : nil }
}

/// Receives progress; the CLI draws it, tests record it.
public protocol RunObserver: Sendable {
    func batchFinished(_ progress: RunProgress) async
    func evaluationFinished(_ report: EvaluationReport, credit: ArmCreditResult?) async
    /// A batch-mode model's batch moved (created, in progress, finalizing, ended) while the run waits on it.
    func batchAPIProgress(model: String, _ progress: BatchProgress) async
}

extension RunObserver {
    public func evaluationFinished(_ report: EvaluationReport, credit: ArmCreditResult?) async {}
    public func batchAPIProgress(model: String, _ progress: BatchProgress) async {}
}

/// Why a run ended.
public enum RunEnd: Sendable, Equatable {
    case targetReached
    /// A candidate or token budget ran out short of the target.
    case budgetSpent(String)
    /// Asked to stop (Ctrl-C, SIGTERM).
    case stopped(String)
    /// No progress: the run or a label still short accepted nothing over many candidates (the message says why).
    case stalled(String)

    /// Whether the run holds its whole target.
    public var isComplete: Bool { self == .targetReached }
}

public struct RunOutcome: Sendable, Equatable {
    public var end: RunEnd
    public var progress: RunProgress
}
