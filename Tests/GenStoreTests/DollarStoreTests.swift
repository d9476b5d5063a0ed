import Foundation
import Testing
@testable import GenStore

/// Schema version 4: prompt and completion tokens apart and dollars per candidate and discovery; a sum is
/// unknown (nil) only when every part is, so an old store reads as "no price declared", never $0.
@Suite struct DollarStoreTests {
    static func priced(_ record: CandidateRecord, prompt: Int, completion: Int, dollars: Double?) -> CandidateRecord {
        var record = record
        record.promptTokens = prompt
        record.completionTokens = completion
        record.dollars = dollars
        return record
    }

    @Test func dollarsAndTheSplitRoundTripAndSumPerArmAndRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        #expect(try await store.dollarsSpent() == nil, "nothing stored: unknown")
        _ = try await store.record(batch: Fixtures.batch(0), candidates: [
            Self.priced(Fixtures.accepted(slot: 0, text: "one"), prompt: 30, completion: 12, dollars: 0.25),
            Self.priced(Fixtures.accepted(slot: 1, text: "two"), prompt: 30, completion: 12, dollars: 0.5),
            Self.priced(Fixtures.rejected(slot: 2), prompt: 5, completion: 2, dollars: nil),
        ])
        try await store.record(discovered: DiscoveredAttribute(
            arm: "creative", dimension: "topic", label: nil, values: ["a"], calls: 1, tokens: 9, dollars: 0.125))
        #expect(try await store.dollarsSpent() == 0.875)
        #expect(try await store.resumeInfo().dollarsSpent == 0.875)
        let rows = try await store.armSummaries()
        let creative = try #require(rows.first { $0.arm == "creative" })
        #expect(creative.dollars == 0.875)
        #expect(creative.dollarsPerAccepted == 0.4375)
        #expect(rows.first { $0.arm == "conservative" }?.dollars == nil, "an unpriced arm is unknown, not $0")
        let stored = try await store.candidates(batch: 0).map(\.record)
        #expect(stored.map(\.promptTokens) == [30, 30, 5])
        #expect(stored.map(\.completionTokens) == [12, 12, 2])
        #expect(stored.map(\.dollars) == [0.25, 0.5, nil])
        #expect(try await store.discoveredAttributes().first?.dollars == 0.125)
    }

    @Test func negativeOrNonFiniteDollarsAreRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        for bad in [-0.5, Double.nan, Double.infinity] {
            await #expect(throws: StoreError.self) {
                _ = try await store.record(batch: Fixtures.batch(0), candidates: [
                    Self.priced(Fixtures.accepted(slot: 0, text: "one"), prompt: 1, completion: 1, dollars: bad),
                ])
            }
        }
    }

    /// A store written at version 3 (no split, no dollars) gains the columns when opened and reads as unknown.
    @Test func aVersionThreeStoreOpensWithUnknownCostAndSplit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        _ = try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "one")])
        try await store.record(discovered: DiscoveredAttribute(arm: "creative", dimension: "topic", label: nil, values: ["a"], calls: 1, tokens: 9))
        await store.close()
        try Damage.tamper(directory, """
            ALTER TABLE candidates DROP COLUMN prompt_tokens;
            ALTER TABLE candidates DROP COLUMN completion_tokens;
            ALTER TABLE candidates DROP COLUMN dollars;
            ALTER TABLE attribute_discoveries DROP COLUMN dollars;
            DROP TABLE endpoint_traffic;
            DROP TABLE batch_job_lines;
            DROP TABLE batch_jobs;
            DELETE FROM schema_version WHERE version >= 4;
            """)
        let reopened = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        #expect(try await reopened.dollarsSpent() == nil)
        #expect(try await reopened.armSummaries().allSatisfy { $0.dollars == nil })
        let record = try #require(try await reopened.candidates(batch: 0).first?.record)
        #expect(record.promptTokens == nil && record.completionTokens == nil && record.dollars == nil)
        #expect(record.tokens == 42, "the total is kept")
        #expect(try await reopened.resumeInfo().tokensUsed == 1234 + 9)
        #expect(DollarText.amount(try await reopened.dollarsSpent()) == "no price declared")
    }

    @Test func dollarsReadTheSameEverywhere() {
        #expect(DollarText.amount(0.0123) == "$0.0123")
        #expect(DollarText.amount(2.5) == "$2.5000")
        #expect(DollarText.amount(0.00002) == "$0.000020")
        #expect(DollarText.amount(nil) == "no price declared")
        #expect(DollarText.cell(nil) == "-")
        #expect(DollarText.limit(2.5) == "2.50")
    }
}
