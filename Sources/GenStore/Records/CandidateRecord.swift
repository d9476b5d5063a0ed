import GenCore

/// The quality verdict on one candidate.
public enum Verdict: String, Codable, Sendable {
    case accepted, rejected
}

/// One generated candidate with everything needed to explain and re-score it.
public struct CandidateRecord: Codable, Sendable, Equatable {
    /// Position in the batch, 0-based, unique within it.
    public var slot: Int
    public var arm: String
    /// The parameters the arm used for this candidate (temperature, top_p, shots...).
    public var armParameters: JSONValue
    /// The parsed sample; nil when the model output did not parse.
    public var sample: JSONValue?
    /// The model's raw output, kept when it did not parse (or always, if the run loop wants it).
    public var rawText: String?
    public var verdict: Verdict
    /// Why it was rejected: the names of the failed stages (empty when accepted).
    public var reasons: [String]
    /// The reward in [0, 1] the script's reward expression gave it.
    public var reward: Double
    /// Raw reward components and scores by name (quality, novelty, "on topic"...), so rewards can be
    /// recomputed offline with other weights.
    public var scores: [String: Double]
    public var tokens: Int
    /// The generation call's prompt and completion tokens (`tokens` adds its model checks'); nil in stores
    /// written before they were kept apart (schema version 4).
    public var promptTokens: Int?
    public var completionTokens: Int?
    /// What the candidate cost at the declared prices: its generation and its model checks; nil when no model it
    /// used has a price (unknown, not free).
    public var dollars: Double?
    public var latencySeconds: Double
    /// Every check's outcome, in the order the stages ran.
    public var checks: [CheckRecord]

    public init(
        slot: Int, arm: String, armParameters: JSONValue = .object([:]), sample: JSONValue?, rawText: String? = nil,
        verdict: Verdict, reasons: [String] = [], reward: Double, scores: [String: Double] = [:], tokens: Int = 0,
        latencySeconds: Double = 0, checks: [CheckRecord] = [], promptTokens: Int? = nil, completionTokens: Int? = nil,
        dollars: Double? = nil
    ) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.dollars = dollars
        self.slot = slot
        self.arm = arm
        self.armParameters = armParameters
        self.sample = sample
        self.rawText = rawText
        self.verdict = verdict
        self.reasons = reasons
        self.reward = reward
        self.scores = scores
        self.tokens = tokens
        self.latencySeconds = latencySeconds
        self.checks = checks
    }

    /// The most of a model's raw output the store keeps, as much as the output parser reads: a server can answer
    /// with megabytes, and a rejected candidate's raw text goes to the store, rejected.jsonl and the report.
    public static let maxRawTextBytes = 65_536

    /// `text` as the store keeps it: cut to `maxRawTextBytes` (between scalars) with a note of its full size. The
    /// store redacts secrets first, so a cut cannot leave part of one behind.
    static func storedRawText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count > maxRawTextBytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: maxRawTextBytes)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(decoding: utf8[..<end], as: UTF8.self) + "… (\(utf8.count) bytes in all; the first \(maxRawTextBytes) kept)"
    }
}

/// The outcome of one quality stage on one candidate.
public struct CheckRecord: Codable, Sendable, Equatable {
    /// The stage's name as the script declares it ("schema", "no card number", "on topic").
    public var stage: String
    /// rule, score, dedup, diversity, parse...
    public var kind: String
    public var passed: Bool
    public var score: Double?
    /// Whether the outcome came from the content cache (costing no model call).
    public var cached: Bool
    /// Anything else worth keeping: the judge's answer, the nearest duplicate, the failing regex match.
    public var detail: JSONValue

    /// The kinds the run itself records; a check's outcome is recorded under the check's name (`entails`).
    public static let parseKind = "parse", schemaKind = "schema", ruleKind = "rule", scoreKind = "score"
    public static let dedupKind = "dedup", diversityKind = "diversity"

    /// How a check's score was computed (`detail.method`), recorded by every model and in-process check and by
    /// nothing else: what the report's table of check methods lists.
    public var method: String? { detail["method"]?.stringValue }

    public init(stage: String, kind: String, passed: Bool, score: Double? = nil, cached: Bool = false, detail: JSONValue = .null) {
        self.stage = stage
        self.kind = kind
        self.passed = passed
        self.score = score
        self.cached = cached
        self.detail = detail
    }
}

/// A candidate read back from the store, with what the store added.
public struct StoredCandidate: Sendable, Equatable {
    public var batchIndex: Int
    /// SHA-256 of the stored sample's canonical JSON (or of the raw text when there is no sample).
    public var contentHash: String
    /// Its place in the dataset, when accepted.
    public var acceptedOrdinal: Int?
    public var record: CandidateRecord
}

/// An accepted sample in dataset order.
public struct AcceptedSample: Sendable, Equatable {
    /// 1-based position in the dataset; contiguous, never reused.
    public var ordinal: Int
    public var batchIndex: Int
    public var slot: Int
    public var arm: String
    public var sample: JSONValue
    public var reward: Double
    public var contentHash: String
}
