import Foundation
import Testing
import GenCore
import GenStore
@testable import GenReport

/// The noise filter's demotions in the report and the card: the same rows and the same count in both.
@Suite struct DemotedSectionTests {
    static func store() async throws -> RunStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-demoted-\(UUID().uuidString)")
        let store = try RunStore(
            creating: NewRun(scriptPath: "t.gen", scriptSHA256: "x", seed: 1, graph: .object([:]), targetCount: 3), in: directory)
        let candidates = ["call me later", "win a free prize now", "dinner at home"].enumerated().map { slot, text in
            CandidateRecord(slot: slot, arm: slot == 1 ? "noisy" : "clean", armParameters: .object([:]),
                            sample: .object(["text": .string(text), "label": .string("ham")]), rawText: text, verdict: .accepted,
                            reasons: [], reward: 1, scores: [:], tokens: 1, latencySeconds: 0, checks: [])
        }
        try await store.record(batch: BatchRecord(index: 0, allocation: ["clean": 2, "noisy": 1], routerState: .object([:]), rngState: [:],
                                                  metrics: .object([:]), tokens: 3, startedAt: Date(), endedAt: Date()),
                               candidates: candidates)
        try await store.record(
            evaluation: EvaluationRecord(batchIndex: 0, afterAccepted: 3, protocolName: "cross-validation", metrics: .object([:]), credit: [:]),
            demotions: [DemotionRecord(batchIndex: 0, slot: 1, label: "ham", predicted: "spam", labelProbability: 0.1,
                                       predictedProbability: 0.9, probabilities: ["ham": 0.1, "spam": 0.9])])
        return store
    }

    @Test func theCardAndTheReportListTheDemotedSamples() async throws {
        let store = try await Self.store()
        let data = try await RunReport.load(store)
        await store.close()
        #expect(data.demoted.count == 1 && data.acceptedCount == 2)
        let row = try #require(data.demoted.first)
        #expect(row.arm == "noisy" && row.predicted == "spam" && row.cells == ["ham", "spam", "0.90", "noisy", "3"])
        let card = DatasetCard.render(data)
        #expect(card.contains("## Demoted as likely mislabelled"))
        #expect(card.contains(DemotedRow.intro(count: 1)) && card.contains("win a free prize now"))
        let page = HTMLReport.render(data)
        #expect(page.contains("table-demoted") && page.contains("win a free prize now"))
    }

    @Test func noSectionWithoutDemotions() async throws {
        let store = try await Self.store()
        var data = try await RunReport.load(store)
        await store.close()
        data.demoted = []
        #expect(!DatasetCard.render(data).contains("Demoted as likely mislabelled"))
        #expect(!HTMLReport.render(data).contains("table-demoted"))
    }
}

/// The report's "arms by the label asked for" table, from the candidates' recorded `asked_label`.
@Suite struct ArmLabelTableTests {
    @Test func eachArmsOutcomesPerAskedLabelAreShownWhenThereAreSeveralLabels() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-arm-labels-\(UUID().uuidString)")
        let store = try RunStore(
            creating: NewRun(scriptPath: "t.gen", scriptSHA256: "x", seed: 1, graph: .object([:]), targetCount: 3), in: directory)
        let asks = [("plain", "ham", true), ("plain", "spam", false), ("contrast", "spam", true), ("contrast", "spam", true)]
        let candidates = asks.enumerated().map { slot, ask in
            CandidateRecord(slot: slot, arm: ask.0, armParameters: .object(["asked_label": .string(ask.1)]),
                            sample: .object(["text": .string("text \(slot)"), "label": .string(ask.1)]), rawText: nil,
                            verdict: ask.2 ? .accepted : .rejected, reasons: ask.2 ? [] : ["too short"], reward: ask.2 ? 1 : 0,
                            scores: [:], tokens: 1, latencySeconds: 0, checks: [])
        }
        try await store.record(batch: BatchRecord(index: 0, allocation: ["plain": 2, "contrast": 2], routerState: .object([:]), rngState: [:],
                                                  metrics: .object([:]), tokens: 4, startedAt: Date(), endedAt: Date()),
                               candidates: candidates)
        var data = try await RunReport.load(store)
        await store.close()
        #expect(data.armLabels == [
            ArmLabelOutcomeRow(arm: "contrast", label: "spam", generated: 2, accepted: 2, passed: 2, meanReward: 1),
            ArmLabelOutcomeRow(arm: "plain", label: "ham", generated: 1, accepted: 1, passed: 1, meanReward: 1),
            ArmLabelOutcomeRow(arm: "plain", label: "spam", generated: 1, accepted: 0, passed: 0, meanReward: 0),
        ])
        let page = HTMLReport.render(data)
        #expect(page.contains("Arms by the label asked for") && page.contains("table-arm-labels"))
        data.armLabels = data.armLabels.filter { $0.label == "spam" }
        #expect(!HTMLReport.render(data).contains("table-arm-labels"), "one label: nothing to compare")
    }
}
