import GenCore
import Foundation

/// An in-process featuriser for novelty when no embedding model is used: words and word pairs hashed into
/// `dimensions` buckets, weighted by sublinear term frequency (1 + ln tf) times smoothed inverse document
/// frequency (ln((1 + N) / (1 + df)) + 1), then scaled to unit length.
///
/// Document frequencies grow with every accepted sample (`add`). A vector keeps the weights it had when it
/// was made; they settle as the pool grows, and re-weighting the whole pool would cost O(pool) per sample.
public struct HashedTFIDF: Sendable, Equatable {
    public let dimensions: Int
    private(set) var documentFrequency: [UInt32]
    public private(set) var documentCount: Int = 0

    /// `dimensions` must be a power of two between 2^8 and 2^20 (2^15 by default).
    public init(dimensions: Int = 1 << 15) throws {
        guard dimensions >= 256, dimensions <= 1 << 20, dimensions & (dimensions - 1) == 0 else {
            throw QualityError.invalidConfiguration("TF-IDF dimensions \(dimensions) must be a power of two from 256 to 2^20")
        }
        self.dimensions = dimensions
        self.documentFrequency = Array(repeating: 0, count: dimensions)
    }

    init(dimensions: Int, documentFrequency: [UInt32], documentCount: Int) {
        self.dimensions = dimensions
        self.documentFrequency = documentFrequency
        self.documentCount = documentCount
    }

    /// The unit-length TF-IDF vector of a text under the current document frequencies.
    public func vector(_ text: NormalizedText) -> FeatureVector {
        let features = featureCounts(text)
        guard !features.isEmpty else { return .sparse(indices: [], values: []) }
        let documents = Double(documentCount)
        var values = [Float]()
        values.reserveCapacity(features.count)
        var normSquared = 0.0
        for (index, count) in features {
            let idf = log((1 + documents) / (1 + Double(documentFrequency[Int(index)]))) + 1
            let weight = (1 + log(Double(count))) * idf
            values.append(Float(weight))
            normSquared += weight * weight
        }
        let scale = Float(1 / normSquared.squareRoot())
        return .sparse(indices: features.map(\.index), values: values.map { $0 * scale })
    }

    /// The TF-IDF cosine of two texts, in [0, 1], with document frequencies from `corpus` plus the two texts:
    /// the similarity check's in-process fallback, on the same features novelty uses. 0 when either has no words.
    public static func cosine(_ a: String, _ b: String, corpus: [String]) throws -> Double {
        var model = try HashedTFIDF()
        for document in corpus + [a, b] { model.add(model.vector(TextNormalizer.normalize(document))) }
        let x = model.vector(TextNormalizer.normalize(a)), y = model.vector(TextNormalizer.normalize(b))
        guard case .sparse(let xi, let xv) = x, case .sparse(let yi, let yv) = y, x.normSquared > 0, y.normSquared > 0 else { return 0 }
        // In doubles, over the stored lengths: identical texts score exactly 1, not 1 - one Float ulp.
        var dot = 0.0
        var a = 0, b = 0
        while a < xi.count && b < yi.count {
            if xi[a] == yi[b] { dot += Double(xv[a]) * Double(yv[b]) }
            let left = xi[a], right = yi[b]
            if left <= right { a += 1 }
            if right <= left { b += 1 }
        }
        return min(1, max(0, dot / (x.normSquared * y.normSquared).squareRoot()))
    }

    /// Counts a document: each distinct feature of the vector gains one document.
    public mutating func add(_ vector: FeatureVector) {
        guard case .sparse(let indices, _) = vector else { return }
        documentCount += 1
        for index in indices where Int(index) < dimensions { documentFrequency[Int(index)] += 1 }
    }

    /// Sorted distinct feature indices with their counts: every word and every pair of adjacent words.
    private func featureCounts(_ text: NormalizedText) -> [(index: UInt32, count: Int)] {
        let mask = UInt64(dimensions - 1)
        var raw = [UInt32]()
        raw.reserveCapacity(text.wordHashes.count * 2)
        var previous: UInt64?
        for word in text.wordHashes {
            raw.append(UInt32(truncatingIfNeeded: word & mask))
            if let previous { raw.append(UInt32(truncatingIfNeeded: StableHash.combine(previous, word) & mask)) }
            previous = word
        }
        raw.sort()
        var result: [(UInt32, Int)] = []
        for index in raw {
            if let last = result.last, last.0 == index {
                result[result.count - 1].1 += 1
            } else {
                result.append((index, 1))
            }
        }
        return result
    }
}

extension HashedTFIDF: Codable {
    private enum CodingKeys: String, CodingKey { case dimensions, documentFrequency, documentCount }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(dimensions: try container.decode(Int.self, forKey: .dimensions))
        let frequencies = try container.decodePacked(UInt32.self, forKey: .documentFrequency)
        try container.require(frequencies.count == dimensions, "document frequencies do not match the dimensions",
                              forKey: .documentFrequency)
        documentFrequency = frequencies
        documentCount = try container.decode(Int.self, forKey: .documentCount)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dimensions, forKey: .dimensions)
        try container.encodePacked(documentFrequency, forKey: .documentFrequency)
        try container.encode(documentCount, forKey: .documentCount)
    }
}
