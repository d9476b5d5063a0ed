import Foundation
import GenCore
import Testing
@testable import GenStore

@Suite struct ReportQueryTests {
    private func store(_ directory: TemporaryDirectory) async throws -> RunStore {
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [
            Fixtures.accepted(slot: 0, arm: "creative", text: "a", label: "lost_card", reward: 1),
            Fixtures.accepted(slot: 1, arm: "creative", text: "b", label: "lost_card", reward: 0.5),
            Fixtures.rejected(slot: 2, arm: "conservative", reasons: ["dedup near", "too short"]),
        ])
        try await store.record(batch: Fixtures.batch(1), candidates: [
            Fixtures.accepted(slot: 0, arm: "conservative", text: "c", label: "check_balance", reward: 0.25),
            Fixtures.rejected(slot: 1, arm: "conservative", reasons: ["dedup near"]),
            Fixtures.rejected(slot: 2, arm: "creative", reasons: ["schema"], raw: "{"),
        ])
        return store
    }

    @Test func armChoicesAndRewardsPerBatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = try await store(directory).armBatchRows()
        #expect(rows == [
            ArmBatchRow(batchIndex: 0, arm: "conservative", generated: 1, accepted: 0, meanReward: 0, tokens: 7),
            ArmBatchRow(batchIndex: 0, arm: "creative", generated: 2, accepted: 2, meanReward: 0.75, tokens: 84),
            ArmBatchRow(batchIndex: 1, arm: "conservative", generated: 2, accepted: 1, meanReward: 0.125, tokens: 49),
            ArmBatchRow(batchIndex: 1, arm: "creative", generated: 1, accepted: 0, meanReward: 0, tokens: 7),
        ])
    }

    @Test func summariesReasonsAndStages() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await store(directory)
        let summaries = try await store.armSummaries()
        #expect(summaries.map(\.arm) == ["conservative", "creative"])
        #expect(summaries.map(\.generated) == [3, 3] && summaries.map(\.accepted) == [1, 2])
        #expect(summaries[1].meanReward == 0.5)
        #expect(try await store.rejectionReasons() == [
            RejectionReasonRow(arm: "conservative", reason: "dedup near", count: 2),
            RejectionReasonRow(arm: "conservative", reason: "too short", count: 1),
            RejectionReasonRow(arm: "creative", reason: "schema", count: 1),
        ])
        let onTopic = try await store.stageOutcomes().filter { $0.stage == "on topic" }
        #expect(onTopic.map(\.arm) == ["conservative", "creative"])
        #expect(onTopic.map(\.cached) == [1, 2] && onTopic.map(\.meanScore) == [0.875, 0.875])
    }

    @Test func labelCoverageAndSeries() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await store(directory)
        #expect(try await store.labelCoverage(field: "label") == [
            LabelCountRow(label: "lost_card", count: 2), LabelCountRow(label: "check_balance", count: 1),
        ])
        #expect(try await store.labelCoverage(field: "missing") == [LabelCountRow(label: nil, count: 3)])
        await #expect(throws: StoreError.self) { try await store.labelCoverage(field: "bad\"name") }
        #expect(try await store.batchSeries(.metric("epsilon")).map(\.value) == [0.3, 0.15])
        #expect(try await store.batchSeries(.metric("diversity.vendi")).map(\.value) == [2.5, 2.5])
        #expect(try await store.batchSeries(.routerState("epsilon")).map(\.value) == [0.25, 0.25])
        #expect(try await store.batchSeries(.metric("nothing")).map(\.value) == [nil, nil])
        let novelty = try await store.scoreSeries(score: "novelty", acceptedOnly: true)
        #expect(novelty == [
            ScoreSeriesRow(batchIndex: 0, arm: "creative", mean: 0.625, count: 2),
            ScoreSeriesRow(batchIndex: 1, arm: "conservative", mean: 0.625, count: 1),
        ])
        #expect(try await store.scoreSeries(score: "quality").count == 4)
    }
}
