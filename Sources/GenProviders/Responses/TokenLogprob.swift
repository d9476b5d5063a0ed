import Foundation

/// A candidate token and its natural-log probability.
public struct TokenAlternative: Sendable, Hashable, Codable {
    public var token: String
    public var logprob: Double

    public init(token: String, logprob: Double) {
        self.token = token
        self.logprob = logprob
    }

    /// The probability in [0, 1].
    public var probability: Double { exp(logprob) }
}

/// One generated token, its log-probability and the most likely alternatives at that position
/// (most likely first). A judge reads the first token's alternatives for calibrated yes/no scores.
public struct TokenLogprob: Sendable, Hashable, Codable {
    public var token: String
    public var logprob: Double
    public var alternatives: [TokenAlternative]

    public init(token: String, logprob: Double, alternatives: [TokenAlternative]) {
        self.token = token
        self.logprob = logprob
        self.alternatives = alternatives.sorted { $0.logprob > $1.logprob }
    }
}
