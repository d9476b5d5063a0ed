import Foundation
import GenCore
import Testing

@testable import GenQuality

struct DedupIndexTests {
    func fingerprint(_ index: DedupIndex, _ id: String, _ text: String) -> DedupFingerprint {
        index.fingerprint(id: id, text: TextNormalizer.normalize(text))
    }

    /// Exact Jaccard of two texts' shingle sets of one kind, to know each test pair's true similarity.
    func jaccard(_ first: String, _ second: String, _ kind: ShingleKind) -> Double {
        let a = Set(kind.shingles(of: TextNormalizer.normalize(first)))
        let b = Set(kind.shingles(of: TextNormalizer.normalize(second)))
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    static let base = "I lost my debit card yesterday at the supermarket near the station and I need a new one quickly please"

    @Test func exactDuplicateAfterNormalisation() throws {
        var index = try DedupIndex()
        index.accept(fingerprint(index, "s1", "I lost my card, please help!"))
        #expect(index.check(fingerprint(index, "s2", "i LOST my card please   help")) == .exactDuplicate(of: "s1"))
    }

    @Test func nearDuplicateAboveTheThresholdIsRejectedWithItsEstimate() throws {
        let variant = "I lost my debit card yesterday at the supermarket near the station and I need a new one quickly thanks"
        let truth = jaccard(Self.base, variant, .words3)
        #expect(truth >= 0.85)
        var index = try DedupIndex()
        index.accept(fingerprint(index, "s1", Self.base))
        guard case .nearDuplicate(let id, let estimate, let kind) = index.check(fingerprint(index, "s2", variant)) else {
            Issue.record("expected a near duplicate")
            return
        }
        #expect(id == "s1")
        #expect(kind == .words3)
        #expect(abs(estimate - truth) < 0.12)
    }

    @Test func pairBelowTheThresholdIsKept() throws {
        let variant = "I lost my credit card on Monday at the airport near gate four and I need a new one quickly please"
        #expect(jaccard(Self.base, variant, .words3) < 0.5)
        var index = try DedupIndex()
        index.accept(fingerprint(index, "s1", Self.base))
        #expect(index.check(fingerprint(index, "s2", variant)) == .unique)
    }

    @Test func thresholdDecidesBetweenTheTwo() throws {
        // True word-3-gram Jaccard of this pair is 0.64: a duplicate at threshold 0.4, not at 0.8.
        let variant = "I lost my debit card yesterday at the supermarket near the bank so I need a new one quickly please"
        let truth = jaccard(Self.base, variant, .words3)
        #expect(truth > 0.55 && truth < 0.7)
        for (threshold, duplicate) in [(0.4, true), (0.8, false)] {
            var index = try DedupIndex(config: DedupConfig(nearThreshold: threshold, bands: 32))
            index.accept(fingerprint(index, "s1", Self.base))
            #expect(index.check(fingerprint(index, "s2", variant)).isDuplicate == duplicate, "threshold \(threshold)")
        }
    }

    @Test func shortTextsCompareCharacterShingles() throws {
        var index = try DedupIndex()
        index.accept(fingerprint(index, "s1", "I lost my debit card"))
        let verdict = index.check(fingerprint(index, "s2", "I lost my debit cards"))
        guard case .nearDuplicate(_, _, let kind) = verdict else {
            Issue.record("expected a near duplicate, got \(verdict)")
            return
        }
        #expect(kind == .characters5)
    }

    @Test func textsOnBothSidesOfALengthBoundaryStillMeet() throws {
        // 9 words (characters and word 3-grams) against 10 words (word 3-grams only).
        var index = try DedupIndex()
        index.accept(fingerprint(index, "s1", "please block my lost debit card right now thanks"))
        #expect(index.check(fingerprint(index, "s2", "please block my lost debit card right now thanks again")).isDuplicate)
    }

    @Test func earlierSamplesOfTheSameBatchCount() throws {
        let index = try DedupIndex()
        let first = fingerprint(index, "b1", Self.base)
        #expect(index.check(fingerprint(index, "b2", Self.base), pending: [first]) == .exactDuplicate(of: "b1"))
        #expect(index.check(fingerprint(index, "b2", Self.base)) == .unique)
    }

    @Test func minHashEstimatesJaccardOfKnownSets() {
        let hasher = MinHasher(permutations: 128, random: SeededRandom(seed: 3))
        // Sets of 300 items sharing 200: Jaccard 200 / 400 = 0.5.
        let shared = (0..<200).map { StableHash.mix(UInt64($0)) }
        let a = shared + (1000..<1100).map { StableHash.mix(UInt64($0)) }
        let b = shared + (2000..<2100).map { StableHash.mix(UInt64($0)) }
        let estimate = MinHasher.similarity(hasher.signature(of: a)[...], hasher.signature(of: b)[...])
        #expect(abs(estimate - 0.5) < 0.13)  // 3 standard errors at 128 permutations
    }

    @Test func savedStateGivesTheSameVerdicts() throws {
        var index = try DedupIndex()
        for (id, text) in [("s1", Self.base), ("s2", "Where is my transfer to my landlord from last week"), ("s3", "hi")] {
            index.accept(fingerprint(index, id, text))
        }
        let restored = try JSONDecoder().decode(DedupIndex.self, from: JSONEncoder().encode(index))
        #expect(restored.count == 3)
        for probe in [Self.base + " now", "where is my transfer to my landlord from last week?", "something else entirely here"] {
            #expect(restored.check(fingerprint(restored, "p", probe)) == index.check(fingerprint(index, "p", probe)))
        }
    }

    @Test func corruptedStateIsADecodingError() throws {
        var index = try DedupIndex()
        index.accept(fingerprint(index, "s1", Self.base))
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(index)) as? [String: Any])
        object["ids"] = [String]()  // the tables now point past the pool
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DedupIndex.self, from: data) }
    }

    @Test func badSettingsAreRejected() {
        #expect(throws: QualityError.self) { try DedupIndex(config: DedupConfig(bands: 7)) }
        #expect(throws: QualityError.self) { try DedupIndex(config: DedupConfig(nearThreshold: 1.5)) }
    }
}
