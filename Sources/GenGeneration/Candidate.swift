import GenCore

/// What an arm produced for one slot: a parsed sample, or the reason it could not be read.
/// Nothing an arm generates is dropped silently: an unreadable output is a rejected candidate.
public struct Candidate: Sendable, Equatable {
    public var arm: String
    public var slot: Int
    public var targetLabel: String?
    /// The parsed sample, when the output could be read.
    public var sample: JSONValue?
    /// What the model (or template) wrote, kept for the rejected file and the report.
    public var rawText: String
    /// Why there is no sample (unparseable output, a failed request); nil when `sample` is set.
    public var failure: String?
    /// True when the request itself failed (the server or the connection, after the client's retries), as
    /// opposed to an answer that could not be read: the run stops when requests keep failing.
    public var requestFailed = false
    public var promptTokens: Int
    public var completionTokens: Int
    public var latencySeconds: Double
    /// The arm's parameters for this candidate, recorded with it in the run store.
    public var parameters: [String: JSONValue]

    public init(
        arm: String, slot: Int, targetLabel: String?, sample: JSONValue?, rawText: String, failure: String?,
        promptTokens: Int = 0, completionTokens: Int = 0, latencySeconds: Double = 0, parameters: [String: JSONValue] = [:]
    ) {
        self.arm = arm
        self.slot = slot
        self.targetLabel = targetLabel
        self.sample = sample
        self.rawText = rawText
        self.failure = failure
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencySeconds = latencySeconds
        self.parameters = parameters
    }

    public var tokens: Int { promptTokens + completionTokens }
}
