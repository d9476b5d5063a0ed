import Foundation
import Testing
import GenReport

/// What a replay must reproduce byte for byte: the dataset, the rejected candidates, and the report's data and
/// card. Only the wall clock differs between two runs (start and end times, batch times, the servers' traffic
/// table, the directory), so the replay's report data take those from the recording before both are rendered.
enum ReplayComparison {
    static func expectSameResults(recorded: URL, replayed: URL) async throws {
        for file in ["dataset.jsonl", "rejected.jsonl"] {
            let a = try Data(contentsOf: recorded.appendingPathComponent(file))
            let b = try Data(contentsOf: replayed.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between the recorded run and its replay")
            #expect(!a.isEmpty || file == "rejected.jsonl")
        }
        let original = try await RunReport.load(runDirectory: recorded)
        var replay = try await RunReport.load(runDirectory: replayed)
        #expect(replay.batches.count == original.batches.count)
        replay.directory = original.directory
        replay.run.startedAt = original.run.startedAt
        replay.run.endedAt = original.run.endedAt
        replay.endpoints = original.endpoints
        for index in replay.batches.indices where index < original.batches.count {
            replay.batches[index].startedAt = original.batches[index].startedAt
            replay.batches[index].endedAt = original.batches[index].endedAt
        }
        let cardA = DatasetCard.render(original), cardB = DatasetCard.render(replay)
        #expect(cardA == cardB, "the dataset card differs")
        let clock = Date(timeIntervalSince1970: 0)
        #expect(HTMLReport.render(original, generatedAt: clock) == HTMLReport.render(replay, generatedAt: clock), "the report's data differ")
        // The cards gen run wrote differ only in the start time line, if at all.
        let written = try String(contentsOf: recorded.appendingPathComponent(DatasetCard.fileName), encoding: .utf8)
        #expect(written == cardA)
    }
}
