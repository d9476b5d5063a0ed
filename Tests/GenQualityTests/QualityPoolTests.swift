import Foundation
import GenCore
import GenPipeline
import Testing

@testable import GenQuality
@testable import GenBenchmarks

struct QualityPoolTests {
    static let schema = OutputSchema(fields: [
        SchemaField(name: "text", type: .string(minLength: 5, maxLength: 200)),
        SchemaField(name: "label", type: .enumeration(["lost_card", "transfer_failed"])),
    ])

    static func candidate(_ id: String, _ text: String, label: String = "lost_card", arm: String = "a") -> QualityCandidate {
        QualityCandidate(id: id, arm: arm, sample: .object(["text": .string(text), "label": .string(label)]))
    }

    @Test func diversityGainIsWhatAcceptingTheSampleAddsAndRepeatsAddLess() throws {
        var pool = try QualityPool(schema: Self.schema)
        for (index, text) in ["I lost my card at the station", "My transfer to my landlord failed yesterday",
                              "Someone used my card in another country"].enumerated() {
            let sample = pool.prepare(Self.candidate("p\(index)", text))
            let predicted = pool.diversityGain(sample)
            let added = pool.accept(sample)
            #expect(added.map { abs(predicted - $0) < 1e-9 } == true)
        }
        let repeat_ = pool.prepare(Self.candidate("r", "I lost my card at the station today"))
        let fresh = pool.prepare(Self.candidate("f", "Can I raise the daily limit for cash withdrawals abroad"))
        #expect(pool.diversityGain(repeat_) < pool.diversityGain(fresh))
        let broken = pool.prepare(QualityCandidate(id: "x", arm: "a", sample: .object(["text": .int(3)])))
        #expect(pool.diversityGain(broken) == 0)
    }

    @Test func aBatchIsCheckedAgainstItsOwnEarlierSamples() throws {
        let pool = try QualityPool(schema: Self.schema)
        let results = pool.assessBatch([
            Self.candidate("c1", "I lost my card at the station this morning"),
            Self.candidate("c2", "i LOST my card at the station, this morning!"),
            Self.candidate("c3", "My transfer to my landlord failed", label: "transfer failed"),
            Self.candidate("c4", "Why did the transfer to my sister bounce", label: "transfer_failed"),
        ])
        let assessments = results.map(\.assessment)
        #expect(assessments.map(\.passed) == [true, false, false, true])
        #expect(assessments[1].dedup == .exactDuplicate(of: "c1"))
        #expect(assessments[1].rejections.first?.description == "dedup: exact duplicate of `c1` after normalisation")
        #expect(assessments[2].rejections.map(\.stage) == [.schema])
        #expect(assessments[2].rejections.first?.path == "$.label")
        #expect(assessments[0].novelty?.novelty == 1)  // nothing to compare with yet
    }

    @Test func metricsOfABatchFollowFromItsOutcomes() throws {
        var pool = try QualityPool(schema: Self.schema)
        let results = pool.assessBatch([
            Self.candidate("c1", "I lost my card at the station this morning", arm: "x"),
            Self.candidate("c2", "I lost my card at the station this morning", arm: "y"),
            Self.candidate("c3", "oops", arm: "y"),
            Self.candidate("c4", "Why did the transfer to my sister bounce", label: "transfer_failed", arm: "x"),
        ])
        var outcomes: [SampleOutcome] = []
        for (sample, assessment) in results {
            let gain = assessment.passed ? pool.accept(sample) : nil
            outcomes.append(SampleOutcome(assessment: assessment, accepted: assessment.passed, vendiGain: gain))
        }
        #expect(pool.count == 2)
        let metrics = QualityMetrics.summarise(outcomes, diversity: pool.diversitySnapshot)
        #expect(metrics.generated == 4 && metrics.accepted == 2)
        #expect(metrics.acceptRate == 0.5)
        #expect(metrics.dupRate == 0.25)
        // Two accepted samples in different directions: Vendi rises from 0 to between 1 and 2.
        #expect(metrics.vendi > 1 && metrics.vendi <= 2)
        #expect(abs(metrics.vendiGain - metrics.vendi) < 1e-9)
        #expect(abs(metrics.diversityGain - metrics.vendi / 4) < 1e-9)
        let novelties = outcomes.compactMap(\.novelty)
        #expect(novelties.count == 3)  // the schema failure never reached novelty
        #expect(abs(metrics.meanNovelty - novelties.reduce(0, +) / 3) < 1e-12)
        let perArm = QualityMetrics.perArm(outcomes, diversity: pool.diversitySnapshot)
        #expect(perArm["x"]?.acceptRate == 1)
        #expect(perArm["y"]?.acceptRate == 0)
        #expect(perArm["y"]?.dupRate == 0.5)
        #expect(metrics.variables["accept_rate"] == 0.5)
        #expect(pool.diversitySnapshot.variables["pool_size"] == 2)
    }

    @Test func savedPoolResumesWithIdenticalVerdicts() throws {
        var pool = try QualityPool(schema: Self.schema, config: QualityConfig(seed: 42))
        var messages = SyntheticMessages(random: SeededRandom(seed: 3))
        var next = 0
        func candidates(_ count: Int) -> [QualityCandidate] {
            (0..<count).map { _ in
                next += 1
                let message = messages.next()
                return QualityCandidate(id: "s\(next)", arm: "a", sample: .object(["text": .string(message.text),
                                                                                   "label": .string("lost_card")]))
            }
        }
        for (sample, assessment) in pool.assessBatch(candidates(300)) where assessment.passed { pool.accept(sample) }
        var restored = try JSONDecoder().decode(QualityPool.self, from: JSONEncoder().encode(pool))
        #expect(restored.count == pool.count)
        for candidate in candidates(40) {
            let original = pool.assess(pool.prepare(candidate))
            let again = restored.assess(restored.prepare(candidate))
            #expect(original.rejections == again.rejections)
            #expect(original.novelty == again.novelty)
            if original.passed {
                #expect(pool.accept(pool.prepare(candidate)) == restored.accept(candidate))
            }
        }
        #expect(pool.diversitySnapshot == restored.diversitySnapshot)
    }

    @Test func calibrationSetsTheReferenceDistanceFromSeeds() throws {
        var pool = try QualityPool(schema: Self.schema)
        let seeds = ["I lost my card", "I lost my wallet and card", "transfer failed again", "the transfer failed today",
                     "check my balance please", "what is my balance"].map { JSONValue.object(["text": .string($0)]) }
        let median = try #require(try pool.calibrate(seeds: seeds))
        #expect(median > 0 && median < 2)
        #expect(pool.novelty.scale.referenceDistance == max(median, pool.novelty.scale.floor + 0.05))
        #expect(pool.count == 0)  // seeds are not pool members
    }

    @Test func embeddingModeNeedsAnEmbeddingPerSample() throws {
        let pool = try QualityPool(schema: Self.schema, config: QualityConfig(embeddingDimensions: 4))
        let missing = pool.assess(pool.prepare(Self.candidate("c1", "I lost my card today")))
        #expect(missing.rejections.map(\.stage) == [.vector])
        let given = QualityCandidate(id: "c2", arm: "a", sample: .object(["text": .string("I lost my card today"),
                                                                          "label": .string("lost_card")]),
                                     embedding: [0.1, 0.2, 0.3, 0.4])
        #expect(pool.assess(pool.prepare(given)).passed)
    }

    @Test func vendiCannotUseMoreDimensionsThanTheSearchProjects() {
        let config = QualityConfig(search: NearestNeighbourSearch(tables: 2), vendiDimensions: 128)
        #expect(throws: QualityError.self) { try QualityPool(schema: Self.schema, config: config) }
    }
}
