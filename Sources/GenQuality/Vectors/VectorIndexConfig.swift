/// Settings of a `VectorIndex`. Defaults keep the per-sample cost flat from 1k to 100k accepted samples.
public struct VectorIndexConfig: Codable, Sendable, Equatable {
    public var dimensions: Int
    /// Sparse (hashed TF-IDF) or dense (embeddings) vectors; one index holds one kind.
    public var sparse: Bool
    /// Random-hyperplane (SimHash) tables; more tables, better recall, more work.
    public var tables: Int
    /// Hyperplanes per table; a table uses the first `activeBits` of them, about log2(pool size).
    public var maxBits: Int
    /// Multi-probe: besides its own bucket, each table also probes the buckets reached by flipping each of
    /// this many least certain bits (those whose hyperplane passes closest to the query).
    public var probeFlips: Int
    /// Candidates ranked nearest by Hamming distance over all hyperplanes that are verified exactly.
    public var shortlist: Int
    /// Added to log2(pool size) to get the bits per bucket: +1 halves the bucket load and the recall.
    public var bitsOffset: Int
    /// Pools up to this size are searched exhaustively; the LSH tables are built when it is reached.
    public var exhaustiveLimit: Int
    /// The hyperplanes are re-centred on the running mean each time the pool doubles, up to this size;
    /// after that the mean is stable and re-hashing the pool would only cost time.
    public var recentreLimit: Int
    /// The mean is shrunk toward zero by this many pseudo-observations, so a pool of one is not centred away.
    public var centrePseudoCount: Double
    public var seed: UInt64

    public init(
        dimensions: Int, sparse: Bool, tables: Int = 16, maxBits: Int = 24, probeFlips: Int = 2, shortlist: Int = 8, bitsOffset: Int = 0,
        exhaustiveLimit: Int = 128, recentreLimit: Int = 2048, centrePseudoCount: Double = 8,
        seed: UInt64 = 0x7665_6374_6F72
    ) {
        self.dimensions = dimensions
        self.sparse = sparse
        self.tables = tables
        self.maxBits = maxBits
        self.probeFlips = probeFlips
        self.shortlist = shortlist
        self.bitsOffset = bitsOffset
        self.exhaustiveLimit = exhaustiveLimit
        self.recentreLimit = recentreLimit
        self.centrePseudoCount = centrePseudoCount
        self.seed = seed
    }

    /// The first hyperplane of the 64 that make each vector's tag (the word after the tables' planes).
    var tagStart: Int { (tables * maxBits + 63) / 64 * 64 }

    /// All hyperplanes: the tables' and the tag's.
    var planes: Int { tagStart + 64 }

    /// Why these settings cannot work, or nil.
    public var problem: String? {
        if dimensions < 1 || dimensions > 1 << 20 { return "vector dimensions \(dimensions) must be between 1 and 2^20" }
        if tables < 1 || tables > 64 { return "tables \(tables) must be between 1 and 64" }
        if maxBits < 4 || maxBits > 30 || (tables * maxBits) % 8 != 0 {
            return "maxBits \(maxBits) must be between 4 and 30, with tables x maxBits a multiple of 8"
        }
        if probeFlips < 0 || probeFlips > maxBits { return "probeFlips \(probeFlips) must be between 0 and maxBits" }
        if shortlist < 1 || shortlist > 1024 { return "shortlist \(shortlist) must be between 1 and 1024" }
        if exhaustiveLimit < 1 || exhaustiveLimit > recentreLimit {
            return "exhaustiveLimit must be at least 1 and at most recentreLimit"
        }
        if !(centrePseudoCount >= 0) { return "centrePseudoCount must not be negative" }
        return nil
    }
}

/// The search settings of a `VectorIndex` a script or benchmark may tune; the rest follow from them.
public struct NearestNeighbourSearch: Codable, Sendable, Equatable {
    public var tables: Int
    public var probeFlips: Int
    public var shortlist: Int
    public var bitsOffset: Int

    public init(tables: Int = 16, probeFlips: Int = 2, shortlist: Int = 8, bitsOffset: Int = 0) {
        self.tables = tables
        self.probeFlips = probeFlips
        self.shortlist = shortlist
        self.bitsOffset = bitsOffset
    }

    /// An index configuration with these settings.
    public func config(dimensions: Int, sparse: Bool, seed: UInt64) -> VectorIndexConfig {
        // tables x maxBits must fill whole bytes; 24 bits per table (pools up to 2^24) rounded to fit.
        var maxBits = 24
        while (tables * maxBits) % 8 != 0 { maxBits += 1 }
        return VectorIndexConfig(
            dimensions: dimensions, sparse: sparse, tables: tables, maxBits: maxBits, probeFlips: probeFlips,
            shortlist: shortlist, bitsOffset: bitsOffset, seed: seed)
    }
}
