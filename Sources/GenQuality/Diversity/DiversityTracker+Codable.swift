/// Saved state. N-gram counts are saved as packed arrays; the running entropy sums are saved as they are,
/// so a resumed run reports exactly the figures the original would have.
extension DiversityTracker: Codable {
    private enum CodingKeys: String, CodingKey {
        case vendiDimensions, matrix, frobeniusSquared, count, projectedSum
        case unigramKeys, unigramCounts, unigramSum, bigramKeys, bigramCounts, bigramSum
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let dimensions = try container.decode(Int.self, forKey: .vendiDimensions)
        _ = try DiversityTracker(vendiDimensions: dimensions)  // validates the dimensions
        let matrix = try container.decodePackedFloats(forKey: .matrix)
        let frobenius = try container.decode(Double.self, forKey: .frobeniusSquared)
        let count = try container.decode(Int.self, forKey: .count)
        try container.require(
            matrix.count == dimensions * dimensions && matrix.allSatisfy(\.isFinite) && frobenius.isFinite
                && frobenius >= 0 && count >= 0,
            "Vendi matrix does not match its dimensions", forKey: .matrix)
        let sum = try container.decodePackedDoubles(forKey: .projectedSum)
        try container.require(sum.count == dimensions && sum.allSatisfy(\.isFinite), "projected centre has the wrong length",
                              forKey: .projectedSum)
        var lexical = LexicalDiversity()
        lexical.unigrams = try Self.decodeCounter(container, keys: .unigramKeys, counts: .unigramCounts, sum: .unigramSum)
        lexical.bigrams = try Self.decodeCounter(container, keys: .bigramKeys, counts: .bigramCounts, sum: .bigramSum)
        self.init(
            vendi: VendiTracker(dimensions: dimensions, matrix: matrix, frobeniusSquared: frobenius, count: count),
            lexical: lexical, projectedSum: sum)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(vendi.dimensions, forKey: .vendiDimensions)
        try container.encodePacked(vendi.matrix, forKey: .matrix)
        try container.encode(vendi.frobeniusSquared, forKey: .frobeniusSquared)
        try container.encode(vendi.count, forKey: .count)
        try container.encodePacked(projectedSum, forKey: .projectedSum)
        try Self.encodeCounter(lexical.unigrams, into: &container, keys: .unigramKeys, counts: .unigramCounts, sum: .unigramSum)
        try Self.encodeCounter(lexical.bigrams, into: &container, keys: .bigramKeys, counts: .bigramCounts, sum: .bigramSum)
    }

    private static func encodeCounter(
        _ counter: NgramCounter, into container: inout KeyedEncodingContainer<CodingKeys>, keys: CodingKeys,
        counts: CodingKeys, sum: CodingKeys
    ) throws {
        try container.encode(counter.sumCLogC, forKey: sum)
        let sorted = counter.entries.sorted { $0.gram < $1.gram }  // same counts, same bytes
        try container.encodePacked(sorted.map(\.gram), forKey: keys)
        try container.encodePacked(sorted.map(\.count), forKey: counts)
    }

    private static func decodeCounter(
        _ container: KeyedDecodingContainer<CodingKeys>, keys: CodingKeys, counts: CodingKeys, sum: CodingKeys
    ) throws -> NgramCounter {
        let grams = try container.decodePacked(UInt64.self, forKey: keys)
        let values = try container.decodePacked(Int32.self, forKey: counts)
        try container.require(grams.count == values.count && values.allSatisfy { $0 > 0 }
                                  && Set(grams).count == grams.count,
                              "n-gram counts are inconsistent", forKey: counts)
        var counter = NgramCounter()
        for (gram, value) in zip(grams, values) {
            counter.restore(gram, count: value)
            counter.total += Int(value)
        }
        counter.sumCLogC = try container.decode(Double.self, forKey: sum)
        try container.require(counter.sumCLogC.isFinite && counter.sumCLogC >= 0, "entropy sum is invalid", forKey: sum)
        return counter
    }
}
