import Foundation
import GenCore
import GenStore

/// Times `record(batch:candidates:)` with 8 candidates (3 checks each) per batch, then export and verify.
enum StoreBenchmark {
    static func run(directory: URL, batches: Int, durability: Durability) async throws -> String {
        try? FileManager.default.removeItem(at: directory)
        let run = NewRun(scriptPath: "bench.gen", scriptSHA256: SHA256.hex("bench"), seed: 1, graph: .object([:]), targetCount: batches * 8)
        let store = try RunStore(creating: run, in: directory, options: StoreOptions(durability: durability))
        var random = SeededRandom(seed: 1)
        let prepared = (0..<batches).map { SyntheticBatch.make(index: $0, random: &random) }
        let clock = ContinuousClock()
        var rows = 0
        let recording = try await clock.measure {
            for (index, candidates) in prepared.enumerated() {
                let batch = BatchRecord(
                    index: index, allocation: [:], routerState: .object(["n": .int(index)]), rngState: ["r": UInt64(index)],
                    tokens: 0, startedAt: Date(), endedAt: Date())
                let receipt = try await store.record(batch: batch, candidates: candidates)
                rows += 1 + candidates.count + candidates.reduce(0) { $0 + $1.checks.count } + receipt.acceptedOrdinals.count
            }
        }
        let exporting = try await clock.measure { try await store.export() }
        let verifying = try await clock.measure { _ = try await store.verifyExports() }
        let resuming = try await clock.measure { _ = try await store.resumeInfo() }
        let seconds = Self.seconds(recording)
        return String(
            format: "%@: %d batches x 8 candidates in %.3f s: %.0f batches/s, %.0f candidates/s, %.0f rows/s (%d rows); "
                + "export %.1f ms, verify %.1f ms, resumeInfo %.2f ms",
            durability.rawValue, batches, seconds, Double(batches) / seconds, Double(batches * 8) / seconds,
            Double(rows) / seconds, rows, Self.seconds(exporting) * 1000, Self.seconds(verifying) * 1000,
            Self.seconds(resuming) * 1000)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
