import GenCore
/// What the dedup index needs to know about one sample: its exact-duplicate hash and one MinHash signature
/// per shingle kind it is indexed under. Made by `DedupIndex.fingerprint(id:text:)`.
public struct DedupFingerprint: Sendable, Equatable {
    public let id: String
    public let exactHash: UInt64
    public let signatures: [ShingleKind: [UInt32]]

    public init(id: String, exactHash: UInt64, signatures: [ShingleKind: [UInt32]]) {
        self.id = id
        self.exactHash = exactHash
        self.signatures = signatures
    }
}

/// The outcome of a dedup check.
public enum DedupVerdict: Sendable, Equatable {
    case unique
    /// The normalised text equals that of the sample with this id.
    case exactDuplicate(of: String)
    /// The estimated Jaccard similarity with the sample with this id reached the threshold.
    case nearDuplicate(of: String, jaccard: Double, shingles: ShingleKind)

    public var isDuplicate: Bool { self != .unique }

    /// A reason a person can act on, e.g. "near duplicate of `s12` (estimated Jaccard 0.84 on word 3-grams)".
    public var reason: String? {
        switch self {
        case .unique: return nil
        case .exactDuplicate(let id):
            return "exact duplicate of `\(id)` after normalisation"
        case .nearDuplicate(let id, let jaccard, let shingles):
            return "near duplicate of `\(id)` (estimated Jaccard \(NumberText.fixed(jaccard, 2)) on \(shingles))"
        }
    }
}
