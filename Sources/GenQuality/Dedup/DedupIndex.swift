import GenCore

/// Exact and near-duplicate detection against the pool of accepted samples, updated one sample at a time.
///
/// `check` is pure: it compares a fingerprint with the pool and with `pending` (earlier samples of the same
/// batch not yet accepted). `accept` adds a fingerprint to the pool. Per-sample cost does not grow with the
/// pool: an exact lookup is a hash-table probe and near duplicates are found through LSH buckets, then
/// verified on the full signature before a sample is rejected.
public struct DedupIndex: Sendable {
    public let config: DedupConfig
    private let hasher: MinHasher
    /// Sample ids, by item number.
    private var ids: [String] = []
    /// Exact hash -> first item with that normalised text.
    private var exact: [UInt64: Int32] = [:]
    /// Per shingle kind: item numbers and their signatures (row-major, `permutations` per item).
    private var tables: [ShingleKind: SignatureTable] = [:]

    public init(config: DedupConfig = DedupConfig()) throws {
        if let problem = config.problem { throw QualityError.invalidConfiguration(problem) }
        self.config = config
        self.hasher = MinHasher(permutations: config.permutations, random: SeededRandom(seed: config.seed))
    }

    /// Number of accepted samples.
    public var count: Int { ids.count }

    /// The fingerprint of a normalised text.
    public func fingerprint(id: String, text: NormalizedText) -> DedupFingerprint {
        var signatures: [ShingleKind: [UInt32]] = [:]
        for kind in ShingleKind.kinds(forWordCount: text.wordCount) {
            signatures[kind] = hasher.signature(of: kind.shingles(of: text))
        }
        return DedupFingerprint(id: id, exactHash: text.exactHash, signatures: signatures)
    }

    /// Whether the sample duplicates an accepted sample or one of `pending`. Exact duplicates win; among
    /// near duplicates, the one with the highest estimated Jaccard is reported.
    public func check(_ candidate: DedupFingerprint, pending: [DedupFingerprint] = []) -> DedupVerdict {
        if let item = exact[candidate.exactHash] { return .exactDuplicate(of: ids[Int(item)]) }
        if let twin = pending.first(where: { $0.exactHash == candidate.exactHash }) { return .exactDuplicate(of: twin.id) }

        var best: (id: String, jaccard: Double, kind: ShingleKind)?
        func consider(_ id: String, _ jaccard: Double, _ kind: ShingleKind) {
            if jaccard >= config.nearThreshold, jaccard > best?.jaccard ?? -1 { best = (id, jaccard, kind) }
        }
        for (kind, signature) in candidate.signatures.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if let table = tables[kind] {
                for (item, jaccard) in table.similarItems(to: signature) {
                    consider(ids[Int(item)], jaccard, kind)
                }
            }
            for other in pending {
                if let theirs = other.signatures[kind] {
                    consider(other.id, MinHasher.similarity(signature[...], theirs[...]), kind)
                }
            }
        }
        guard let best else { return .unique }
        return .nearDuplicate(of: best.id, jaccard: best.jaccard, shingles: best.kind)
    }

    /// How many accepted samples share a band with the fingerprint and were verified on their whole
    /// signature (the benchmark shows this: it grows with how dense the pool is, not with its size).
    public func verifiedCandidates(_ candidate: DedupFingerprint) -> Int {
        candidate.signatures.reduce(0) { total, entry in total + (tables[entry.key]?.similarItems(to: entry.value).count ?? 0) }
    }

    /// The parts saved by `Codable` (kept here because they are private).
    var savedState: (ids: [String], exact: [UInt64: Int32], tables: [ShingleKind: SignatureTable]) {
        (ids, exact, tables)
    }

    mutating func restore(ids: [String], exact: [UInt64: Int32], tables: [ShingleKind: SignatureTable]) {
        self.ids = ids
        self.exact = exact
        self.tables = tables
    }

    /// Adds a sample to the pool (call only for samples that passed every gate).
    public mutating func accept(_ fingerprint: DedupFingerprint) {
        let item = Int32(ids.count)
        ids.append(fingerprint.id)
        if exact[fingerprint.exactHash] == nil { exact[fingerprint.exactHash] = item }
        for (kind, signature) in fingerprint.signatures {
            tables[kind, default: SignatureTable(permutations: config.permutations, bands: config.bands)]
                .insert(item: item, signature: signature)
        }
    }
}
