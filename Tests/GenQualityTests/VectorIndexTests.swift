import Foundation
import GenCore
import Testing

@testable import GenQuality

struct VectorIndexTests {
    /// A random sparse unit vector with `count` non-zeros below `dimensions`.
    static func randomSparse(_ random: inout SeededRandom, dimensions: Int, count: Int) -> FeatureVector {
        var chosen = Set<UInt32>()
        while chosen.count < count { chosen.insert(UInt32(random.nextIndex(dimensions))) }
        let indices = chosen.sorted()
        let values = indices.map { _ in Float(random.nextUnit() + 0.1) }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return .sparse(indices: indices, values: values.map { $0 / norm })
    }

    /// `vector` with a share of its weight moved to new dimensions (cosine about 1 - share).
    static func perturbed(_ vector: FeatureVector, _ random: inout SeededRandom, share: Double, dimensions: Int) -> FeatureVector {
        guard case .sparse(let indices, let values) = vector else { return vector }
        var entries = Dictionary(uniqueKeysWithValues: zip(indices, values.map { Double($0) * (1 - share) }))
        for _ in 0..<4 { entries[UInt32(random.nextIndex(dimensions)), default: 0] += share / 2 }
        let sorted = entries.sorted { $0.key < $1.key }
        let norm = sorted.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        return .sparse(indices: sorted.map(\.key), values: sorted.map { Float($0.value / norm) })
    }

    @Test func lshFindsPlantedNearNeighboursInALargePool() throws {
        let dimensions = 4096
        var random = SeededRandom(seed: 11)
        var index = try VectorIndex(config: VectorIndexConfig(dimensions: dimensions, sparse: true))
        var planted: [(query: FeatureVector, id: String)] = []
        for row in 0..<2000 {
            let vector = Self.randomSparse(&random, dimensions: dimensions, count: 30)
            try index.add(index.item(id: "v\(row)", vector: vector))
            if row % 20 == 0 {
                planted.append((Self.perturbed(vector, &random, share: 0.15, dimensions: dimensions), "v\(row)"))
            }
        }
        #expect(index.activeBits > 0)  // the search below goes through the LSH tables, not a scan
        var found = 0
        for (query, id) in planted {
            let item = try index.item(id: "q", vector: query)
            let exact = try #require(index.nearestExhaustive(to: item))
            #expect(exact.id == id && exact.cosine > 0.8)
            if index.nearest(to: item)?.id == id { found += 1 }
        }
        #expect(Double(found) / Double(planted.count) >= 0.95, "found \(found) of \(planted.count)")
    }

    @Test func smallPoolsAreSearchedExactly() throws {
        var random = SeededRandom(seed: 5)
        var index = try VectorIndex(config: VectorIndexConfig(dimensions: 512, sparse: true))
        for row in 0..<50 { try index.add(index.item(id: "v\(row)", vector: Self.randomSparse(&random, dimensions: 512, count: 12))) }
        for _ in 0..<20 {
            let item = try index.item(id: "q", vector: Self.randomSparse(&random, dimensions: 512, count: 12))
            #expect(index.nearest(to: item) == index.nearestExhaustive(to: item))
        }
    }

    @Test func centringRemovesTheSharedDirection() throws {
        // Every vector is a large common offset plus a small private direction: raw cosines are all near 1,
        // centred ones near 0, so only centring tells the vectors apart.
        let dimensions = 64
        var index = try VectorIndex(config: VectorIndexConfig(dimensions: dimensions, sparse: false, centrePseudoCount: 0))
        func vector(_ axis: Int) -> FeatureVector {
            .dense((0..<dimensions).map { $0 == 0 ? 10 : ($0 == axis ? 1 : 0) })
        }
        for axis in 1..<40 { try index.add(index.item(id: "a\(axis)", vector: vector(axis))) }
        let query = try index.item(id: "q", vector: vector(50))
        let raw = vector(50).dot(vector(1)) / (vector(50).normSquared * vector(1).normSquared).squareRoot()
        #expect(raw > 0.99)
        let nearest = try #require(index.nearest(to: query))
        #expect(abs(nearest.cosine) < 0.1)
    }

    @Test func badVectorsAreErrors() throws {
        let dense = try VectorIndex(config: VectorIndexConfig(dimensions: 4, sparse: false))
        #expect(throws: QualityError.dimensionMismatch(expected: 4, got: 3)) { try dense.item(id: "x", vector: .dense([1, 2, 3])) }
        #expect(throws: QualityError.nonFiniteVector) { try dense.item(id: "x", vector: .dense([1, .nan, 0, 0])) }
        let sparse = try VectorIndex(config: VectorIndexConfig(dimensions: 8, sparse: true))
        #expect(throws: QualityError.self) { try sparse.item(id: "x", vector: .sparse(indices: [3, 1], values: [1, 1])) }
        #expect(throws: QualityError.self) { try sparse.item(id: "x", vector: .sparse(indices: [9], values: [1])) }
    }

    @Test func savedIndicesAndValuesOfDifferentLengthsAreADecodingError() throws {
        var index = try VectorIndex(config: VectorIndexConfig(dimensions: 64, sparse: true))
        try index.add(index.item(id: "a", vector: .sparse(indices: [1, 5, 9], values: [0.5, 0.5, 0.7])))
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(index)) as? [String: Any])
        object["indices"] = PackedArray.encode([UInt32(1), UInt32(5)]).base64EncodedString()
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(VectorIndex.self, from: data) }
    }

    @Test func savedStateGivesTheSameNeighbours() throws {
        var random = SeededRandom(seed: 9)
        var index = try VectorIndex(config: VectorIndexConfig(dimensions: 1024, sparse: true))
        for row in 0..<600 { try index.add(index.item(id: "v\(row)", vector: Self.randomSparse(&random, dimensions: 1024, count: 20))) }
        let restored = try JSONDecoder().decode(VectorIndex.self, from: JSONEncoder().encode(index))
        for _ in 0..<30 {
            let vector = Self.randomSparse(&random, dimensions: 1024, count: 20)
            #expect(try restored.nearest(to: restored.item(id: "q", vector: vector)) == index.nearest(to: index.item(id: "q", vector: vector)))
            // The same rows in the same order: the buckets were refilled as the live index filled them.
            #expect(try restored.shortlistAndScanned(for: restored.item(id: "q", vector: vector)) == index.shortlistAndScanned(for: index.item(id: "q", vector: vector)))
        }
    }
}

struct ChainedBucketsTests {
    @Test func returnsEveryItemOfASlotMostRecentFirst() {
        var buckets = ChainedBuckets(slotCount: 8)
        for item in 0..<100 { buckets.insert(slot: item % 7, item: Int32(item), tag: UInt64(item)) }
        var seen: [Int32] = []
        buckets.forEach(slots: [3]) { item, tag in
            #expect(UInt64(item) == tag)
            seen.append(item)
        }
        #expect(seen == Array(stride(from: 94, through: 3, by: -7)).map(Int32.init))
        var none = 0
        buckets.forEach(slots: [7]) { _, _ in none += 1 }
        #expect(none == 0)
    }

    @Test func readsSeveralSlotsInRoundsAndEveryEntryOnce() {
        var buckets = ChainedBuckets(slotCount: 4)
        for item in 0..<12 { buckets.insert(slot: item % 4, item: Int32(item), tag: 0) }
        var seen: [Int32] = []
        buckets.forEach(slots: [1, 2]) { item, _ in seen.append(item) }
        // Round by round: the newest entry of slot 1, of slot 2, then the next of each.
        #expect(seen == [9, 10, 5, 6, 1, 2])
    }

    @Test func resizingKeepsEveryEntryAndItsOrder() {
        var buckets = ChainedBuckets(slotCount: 2)
        for item in 0..<40 { buckets.insert(slot: item % 2, item: Int32(item), tag: UInt64(item % 8)) }
        buckets.resize(slotCount: 8) { Int($0) }
        for slot in 0..<8 {
            var seen: [Int32] = []
            buckets.forEach(slots: [slot]) { item, tag in
                #expect(Int(tag) == slot)
                seen.append(item)
            }
            #expect(seen == Array(stride(from: 32 + slot, through: slot, by: -8)).map(Int32.init))
        }
        #expect(buckets.entryCount == 40)
    }
}
