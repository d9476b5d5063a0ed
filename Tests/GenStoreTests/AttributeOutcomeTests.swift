import Foundation
import GenCore
import Testing
@testable import GenStore

/// Acceptance and reward per drawn attribute value (issue 13), read from what each candidate recorded.
@Suite struct AttributeOutcomeTests {
    func with(_ record: CandidateRecord, attributes: [String: String]) -> CandidateRecord {
        var record = record
        var parameters = record.armParameters.objectValue ?? [:]
        parameters["attributes"] = .object(attributes.mapValues { .string($0) })
        record.armParameters = .object(parameters)
        return record
    }

    @Test func eachValueCountsItsCandidatesPassesAndMeanReward() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [
            with(Fixtures.accepted(slot: 0, text: "a", reward: 1), attributes: ["style": "wire", "topic": "trade"]),
            with(Fixtures.accepted(slot: 1, text: "b", reward: 0.5), attributes: ["style": "wire", "topic": "tennis"]),
            with(Fixtures.rejected(slot: 2, reasons: ["too short"]), attributes: ["style": "opinion", "topic": "trade"]),
            Fixtures.rejected(slot: 3),  // an arm without attributes is left out
        ])
        let rows = try await store.attributeOutcomes()
        await store.close()
        #expect(rows == [
            AttributeOutcomeRow(attribute: "style", value: "wire", generated: 2, accepted: 2, passed: 2, meanReward: 0.75),
            AttributeOutcomeRow(attribute: "style", value: "opinion", generated: 1, accepted: 0, passed: 0, meanReward: 0),
            AttributeOutcomeRow(attribute: "topic", value: "trade", generated: 2, accepted: 1, passed: 1, meanReward: 0.5),
            AttributeOutcomeRow(attribute: "topic", value: "tennis", generated: 1, accepted: 1, passed: 1, meanReward: 0.5),
        ])
    }
}
