import Foundation
import GenCore
import Testing

@testable import GenQuality

struct NoveltyTests {
    @Test func noveltyFollowsTheCalibratedScale() {
        let scale = NoveltyScale(floor: 0.05, referenceDistance: 0.45)
        #expect(scale.novelty(distance: 0.01) == 0)
        #expect(abs(scale.novelty(distance: 0.25) - 0.5) < 1e-12)  // (0.25 - 0.05) / (0.45 - 0.05)
        #expect(scale.novelty(distance: 0.9) == 1)
    }

    @Test func emptyPoolMeansFullNovelty() throws {
        let index = try NoveltyIndex.tfidf(random: SeededRandom(seed: 1))
        let verdict = index.check(try index.item(id: "a", text: TextNormalizer.normalize("my card is gone")))
        #expect(verdict.nearest == nil)
        #expect(verdict.novelty == 1)
        #expect(!verdict.isSemanticDuplicate)
    }

    @Test func sameWordsInAnotherOrderIsASemanticDuplicate() throws {
        var index = try NoveltyIndex.tfidf(random: SeededRandom(seed: 1))
        let texts = ["my card is gone and I need help", "what is my balance today", "a transfer to my landlord failed",
                     "there is a charge I do not recognise", "how do I close my savings account"]
        for (number, text) in texts.enumerated() {
            index.accept(try index.item(id: "s\(number)", text: TextNormalizer.normalize(text)))
        }
        let same = index.check(try index.item(id: "q", text: TextNormalizer.normalize("My card is gone and I need help!")))
        #expect(same.isSemanticDuplicate)
        #expect(same.nearest?.id == "s0")
        #expect(same.novelty == 0)
        #expect(same.reason?.hasPrefix("semantic duplicate of `s0`") == true)
        let other = index.check(try index.item(id: "r", text: TextNormalizer.normalize("the weather in Paris is lovely")))
        #expect(!other.isSemanticDuplicate)
        #expect(other.novelty > 0.9)
    }

    @Test func pendingSamplesOfTheBatchAreNeighboursToo() throws {
        let index = try NoveltyIndex.tfidf(random: SeededRandom(seed: 1))
        let first = try index.item(id: "b1", text: TextNormalizer.normalize("please freeze my credit card now"))
        let second = try index.item(id: "b2", text: TextNormalizer.normalize("please freeze my credit card now"))
        #expect(index.check(second, pending: [first]).nearest?.id == "b1")
    }

    @Test func identicalSeedsGiveTheSmallestReferenceDistance() throws {
        var index = try NoveltyIndex.embeddings(dimensions: 3, random: SeededRandom(seed: 1))
        let median = try index.calibrate(seedEmbeddings: [[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]])
        #expect(abs((median ?? -1)) < 1e-9)
        #expect(index.scale.referenceDistance == index.scale.floor + 0.05)
    }

    @Test func embeddingsOfTheWrongLengthAreRejected() throws {
        let index = try NoveltyIndex.embeddings(dimensions: 3, random: SeededRandom(seed: 1))
        #expect(throws: QualityError.dimensionMismatch(expected: 3, got: 2)) { try index.item(id: "x", embedding: [1, 2]) }
    }
}

struct VendiTests {
    static func axis(_ index: Int, _ dimensions: Int) -> [Float] {
        (0..<dimensions).map { $0 == index ? 1 : 0 }
    }

    @Test func orthogonalVectorsCountOneEach() {
        var tracker = VendiTracker(dimensions: 16)
        for k in 1...8 {
            tracker.add(Self.axis(k, 16))
            #expect(abs(tracker.score - Double(k)) < 1e-9)
        }
    }

    @Test func identicalVectorsCountOnce() {
        var tracker = VendiTracker(dimensions: 16)
        for _ in 0..<10 { tracker.add(Self.axis(3, 16)) }
        #expect(abs(tracker.score - 1) < 1e-9)
    }

    @Test func twoVectorsAtAnAngle() {
        // Kernel [[1, c], [c, 1]]: Vendi_2 = n^2 / ||K||_F^2 = 4 / (2 + 2c^2). With c = 0.6: 4 / 2.72.
        var tracker = VendiTracker(dimensions: 8)
        tracker.add([1, 0, 0, 0, 0, 0, 0, 0])
        tracker.add([0.6, 0.8, 0, 0, 0, 0, 0, 0])
        #expect(abs(tracker.score - 4 / 2.72) < 1e-6)
    }

    @Test func incrementalScoreMatchesThePairwiseFormula() {
        var random = SeededRandom(seed: 4)
        var tracker = VendiTracker(dimensions: 24)
        var vectors: [[Float]] = []
        for _ in 0..<30 {
            let raw = (0..<24).map { _ in Float(random.nextNormal()) }
            let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let unit = raw.map { $0 / norm }
            let predicted = tracker.gain(of: unit)
            #expect(abs(tracker.add(unit) - predicted) < 1e-6)
            vectors.append(unit)
        }
        var frobenius = 0.0
        for a in vectors {
            for b in vectors {
                let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                frobenius += dot * dot
            }
        }
        #expect(abs(tracker.score - 900 / frobenius) < 1e-4)
    }
}

struct LexicalDiversityTests {
    @Test func distinctAndEntropyOfThreeSentences() {
        var lexical = LexicalDiversity()
        for text in ["The cat sat.", "The dog sat.", "A cat ran!"] { lexical.add(TextNormalizer.normalize(text)) }
        // Words: the cat sat the dog sat a cat ran -> 9 tokens, 6 distinct.
        #expect(abs(lexical.distinct1 - 6.0 / 9.0) < 1e-12)
        // Pairs: the-cat cat-sat the-dog dog-sat a-cat cat-ran -> 6 tokens, all distinct.
        #expect(lexical.distinct2 == 1)
        // Counts 2, 2, 2, 1, 1, 1 of 9: H = 3 (2/9) log2(9/2) + 3 (1/9) log2 9.
        let expected = 3 * (2.0 / 9) * log2(9.0 / 2) + 3 * (1.0 / 9) * log2(9.0)
        #expect(abs(lexical.unigramEntropy - expected) < 1e-9)
        #expect(abs(lexical.bigramEntropy - log2(6.0)) < 1e-9)
    }

    @Test func trackerStateSurvivesARoundTrip() throws {
        var tracker = try DiversityTracker(vendiDimensions: 16)
        var random = SeededRandom(seed: 2)
        for text in ["one two three", "four five six", "one two seven"] {
            let projection = (0..<16).map { _ in Float(random.nextNormal()) }
            tracker.accept(tracker.features(projection: projection, text: TextNormalizer.normalize(text)))
        }
        let restored = try JSONDecoder().decode(DiversityTracker.self, from: JSONEncoder().encode(tracker))
        #expect(restored.snapshot == tracker.snapshot)
    }
}
