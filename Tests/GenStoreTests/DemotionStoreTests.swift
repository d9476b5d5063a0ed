import Foundation
import Testing
import GenCore
@testable import GenStore

/// Demotions: out of the accepted list in the evaluation's transaction, ordinals closed up, kept with the reason.
@Suite struct DemotionStoreTests {
    static func demotion(batch: Int, slot: Int) -> DemotionRecord {
        DemotionRecord(batchIndex: batch, slot: slot, label: "lost_card", predicted: "transfer_failed", labelProbability: 0.125,
                       predictedProbability: 0.875, probabilities: ["lost_card": 0.125, "transfer_failed": 0.875])
    }

    static func evaluation(after accepted: Int) -> EvaluationRecord {
        EvaluationRecord(batchIndex: 0, afterAccepted: accepted, protocolName: "cross-validation", metrics: .object([:]), credit: [:])
    }

    @Test func aDemotedSampleLeavesTheDatasetAndKeepsItsReason() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: (0..<4).map { Fixtures.accepted(slot: $0, text: "sample \($0)") })
        try await store.record(evaluation: Self.evaluation(after: 4), demotions: [Self.demotion(batch: 0, slot: 1)])

        #expect(try await store.acceptedCount() == 3)
        #expect(try await store.acceptedSamples().map(\.ordinal) == [1, 2, 3])
        #expect(try await store.acceptedSamples().map(\.slot) == [0, 2, 3])
        let demoted = try #require(try await store.demotions().first)
        #expect(demoted.ordinal == 2 && demoted.afterAccepted == 4 && demoted.arm == "creative" && demoted.predicted == "transfer_failed")
        #expect(demoted.sample["text"]?.stringValue == "sample 1")
        #expect(try await store.resumeInfo().demotedCount == 1)
        let candidate = try #require(try await store.candidates(batch: 0).first { $0.record.slot == 1 })
        #expect(candidate.record.verdict == .rejected && candidate.acceptedOrdinal == nil)
        #expect(candidate.record.reasons == [DemotionReason.text(predicted: "transfer_failed", probability: 0.875)])
        // It passed every check: the arm's pass rate keeps it; its rejection groups under one category.
        #expect(try await store.armSummaries().first?.passed == 4)
        #expect(try await store.rejectionReasons().map(\.reason) == [DemotionReason.prefix])

        let summary = try await store.export()
        #expect(summary.accepted == 3 && summary.rejected == 1)
        let dataset = try String(contentsOf: summary.datasetURL, encoding: .utf8)
        #expect(!dataset.contains("sample 1") && dataset.contains("sample 3"))
        // The next batch's sample takes the next ordinal, and the store is consistent for `gen doctor`.
        try await store.record(batch: Fixtures.batch(1), candidates: [Fixtures.accepted(slot: 0, text: "replacement")])
        #expect(try await store.acceptedSamples().map(\.ordinal) == [1, 2, 3, 4])
        await store.close()
        _ = try RunStore(opening: directory.url, access: .readOnly, options: Fixtures.noSecrets)
    }

    @Test func demotingASampleThatIsNotAcceptedRecordsNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "a"), Fixtures.rejected(slot: 1)])
        await #expect(throws: StoreError.self) {
            try await store.record(evaluation: Self.evaluation(after: 1), demotions: [Self.demotion(batch: 0, slot: 1)])
        }
        // One transaction: the evaluation is not recorded either.
        #expect(try await store.evaluations().isEmpty)
        #expect(try await store.acceptedCount() == 1)
        #expect(try await store.demotedCount() == 0)
    }
}
