import GenCore

/// Everything needed to resume a router exactly: policy name and parameters, per-arm `[N, S, Q]`, the clock and
/// the generator. It is the router's part of the run's feedback state and is stored as canonical JSON:
///
///     {"arms":{"a":[N,S,Q],...},"clock":{"batches":3,"observations":60},"epsilon":0.1,"order":["a",...],
///      "parameters":{...},"policy":"epsilon_greedy","rng":"1234567890","version":1}
///
/// A contextual policy adds `"contexts":{"label":{"a":[N,S,Q],...},...}`, its per-label statistics; other
/// policies' states have no such member.
/// Floats print in shortest round-trip form, so reading the text back gives bit-identical numbers. `epsilon`
/// (epsilon-greedy only) is informative: it is recomputed from the schedule and the clock on restore.
/// The generator state is a decimal string because JSON numbers cannot hold every `UInt64` exactly.
public struct RouterState: Sendable, Equatable {
    public static let formatVersion = 1

    public var policy: PolicyState
    public var clock: RouterClock
    public var rng: SeededRandom
    /// The exploration rate at `clock`, when the policy has one.
    public var epsilon: Double?

    public init(policy: PolicyState, clock: RouterClock, rng: SeededRandom, epsilon: Double? = nil) {
        self.policy = policy
        self.clock = clock
        self.rng = rng
        self.epsilon = epsilon
    }

    /// The canonical JSON text (sorted keys, no whitespace): the same state always gives the same bytes.
    public var canonicalJSON: String {
        CanonicalJSON.string(json)
    }

    /// Parses canonical (or any valid) JSON text written by `canonicalJSON`.
    public init(canonicalJSON text: String) throws(RouterError) {
        guard let json = CanonicalJSON.parse(text) else { throw .malformedState("not valid JSON") }
        try self.init(json: json)
    }
}

extension RouterState: Codable {
    public init(from decoder: Decoder) throws {
        try self.init(json: try JSONValue(from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        try json.encode(to: encoder)
    }
}
