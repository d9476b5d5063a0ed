import Foundation
import GenCore
import Testing
@testable import GenStore

@Suite struct ExportTests {
    private func storeWithTwoBatches(_ directory: TemporaryDirectory) async throws -> RunStore {
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [
            Fixtures.accepted(slot: 0, text: "first", reward: 0.5), Fixtures.rejected(slot: 1, raw: "garbage {"),
            Fixtures.accepted(slot: 2, arm: "balanced", text: "second"),
        ])
        try await store.record(batch: Fixtures.batch(1), candidates: [
            Fixtures.rejected(slot: 0, reasons: ["schema", "too short"]), Fixtures.accepted(slot: 1, text: "third"),
        ])
        return store
    }

    private func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func exportWritesStoreContentInOrderAndVerifies() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await storeWithTwoBatches(directory)
        let summary = try await store.export()
        #expect(summary.accepted == 3 && summary.rejected == 2)
        let dataset = try lines(summary.datasetURL)
        #expect(dataset.compactMap { CanonicalJSON.parse($0)?["text"]?.stringValue } == ["first", "second", "third"])
        // Without provenance each line is the stored sample byte for byte: its hash is the content hash.
        let hashes = try await store.acceptedSamples().map(\.contentHash)
        #expect(dataset.map(SHA256.hex) == hashes)
        let rejected = try lines(summary.rejectedURL).compactMap(CanonicalJSON.parse)
        #expect(rejected.map { $0["raw"]?.stringValue } == ["garbage {", nil])
        #expect(rejected[1]["reasons"] == .array([.string("schema"), .string("too short")]))
        #expect(rejected[1]["sample"]?["text"] == .string("dup 0"))
        let verification = try await store.verifyExports()
        #expect(verification.isConsistent)
        #expect(verification.datasetLines == 3 && verification.rejectedLines == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.child(".dataset.jsonl.tmp").path))
    }

    @Test func provenanceFieldsWhenAsked() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await storeWithTwoBatches(directory)
        let options = ExportOptions(provenance: true)
        let summary = try await store.export(options)
        let first = try #require(CanonicalJSON.parse(try lines(summary.datasetURL)[0]))
        #expect(first["_arm"] == .string("creative") && first["_batch"] == .int(0) && first["_reward"]?.doubleValue == 0.5)
        #expect(try await store.verifyExports(options).isConsistent)
        // The same files checked as plain exports do not match: verification compares exact content.
        #expect(!(try await store.verifyExports().isConsistent))
    }

    @Test func verificationFindsDuplicatesGapsAndEdits() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await storeWithTwoBatches(directory)
        let summary = try await store.export()
        let original = try lines(summary.datasetURL)

        try (original[0] + "\n" + original[0] + "\n" + original[1] + "\n").write(to: summary.datasetURL, atomically: true, encoding: .utf8)
        let duplicated = try await store.verifyExports()
        #expect(!duplicated.isConsistent && duplicated.problems.contains { $0.contains("duplicates line 1") })

        try (original[0] + "\n" + original[2] + "\n").write(to: summary.datasetURL, atomically: true, encoding: .utf8)
        #expect(try await store.verifyExports().problems.contains { $0.contains("out of order") })

        try (original[0] + "\n" + original[1] + "\n" + original[2]).write(to: summary.datasetURL, atomically: true, encoding: .utf8)
        #expect(try await store.verifyExports().problems.contains { $0.contains("truncated") })

        let edited = original[0].replacingOccurrences(of: "first", with: "edited")
        try (edited + "\n").write(to: summary.datasetURL, atomically: true, encoding: .utf8)
        #expect(try await store.verifyExports().problems.contains { $0.contains("sha256") })
    }

    @Test func anOlderExportIsAnIntactPrefixAndReExportCatchesUp() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await storeWithTwoBatches(directory)
        let missing = try await store.verifyExports()
        #expect(missing.datasetLines == nil && missing.isIntactPrefix && !missing.isConsistent)
        try await store.export()
        try await store.record(batch: Fixtures.batch(2), candidates: [Fixtures.accepted(slot: 0, text: "fourth")])
        let stale = try await store.verifyExports()
        #expect(stale.isIntactPrefix && !stale.isConsistent && stale.datasetLines == 3 && stale.acceptedInStore == 4)
        try await store.export()
        #expect(try await store.verifyExports().isConsistent)
    }
}
