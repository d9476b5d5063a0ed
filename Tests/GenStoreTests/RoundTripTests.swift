import Foundation
import GenCore
import Testing
@testable import GenStore

@Suite struct RoundTripTests {
    @Test func runInfoAndStatus() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = Fixtures.newRun()
        let store = try RunStore(creating: run, in: directory.url, options: Fixtures.noSecrets)
        let info = try await store.info()
        #expect(info.scriptPath == run.scriptPath)
        #expect(info.scriptSHA256 == run.scriptSHA256)
        #expect(info.seed == run.seed)  // above Int64.max: stored as text
        #expect(info.graph == run.graph)
        #expect(info.targetCount == 400)
        #expect(info.startedAt == run.startedAt)
        #expect(info.status == .running && info.endedAt == nil)
        let end = Date(timeIntervalSince1970: 1_700_000_500.5)
        try await store.setStatus(.stopped, detail: "interrupted", at: end)
        let stopped = try await store.info()
        #expect(stopped.status == .stopped && stopped.statusDetail == "interrupted" && stopped.endedAt == end)
        try await store.setStatus(.running)
        #expect(try await store.info().endedAt == nil)
    }

    @Test func batchCandidatesAndChecks() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        let batch = Fixtures.batch(0)
        let candidates = [
            Fixtures.accepted(slot: 2, text: "second accepted"),
            Fixtures.rejected(slot: 1, raw: "no json here"),
            Fixtures.accepted(slot: 0, arm: "conservative", text: "first accepted"),
        ]
        let receipt = try await store.record(batch: batch, candidates: candidates)
        #expect(receipt == BatchReceipt(batchIndex: 0, acceptedOrdinals: [1, 2], acceptedTotal: 2))
        #expect(try await store.batches() == [batch])
        let stored = try await store.candidates(batch: 0)
        #expect(stored.map(\.record) == candidates.sorted { $0.slot < $1.slot })
        #expect(stored.map(\.acceptedOrdinal) == [1, nil, 2])
        #expect(stored[0].contentHash == SHA256.hex(CanonicalJSON.string(candidates[2].sample ?? .null)))
        #expect(stored[1].contentHash == SHA256.hex("no json here"))
    }

    @Test func acceptedSamplesKeepOrdinalOrderAcrossBatches() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "a"), Fixtures.rejected(slot: 1)])
        try await store.record(batch: Fixtures.batch(1), candidates: [Fixtures.rejected(slot: 0)])
        try await store.record(batch: Fixtures.batch(2), candidates: [Fixtures.accepted(slot: 1, text: "c"), Fixtures.accepted(slot: 0, text: "b")])
        let samples = try await store.acceptedSamples()
        #expect(samples.map(\.ordinal) == [1, 2, 3])
        #expect(samples.map { $0.sample["text"]?.stringValue } == ["a", "b", "c"])
        #expect(samples.map(\.batchIndex) == [0, 2, 2])
        #expect(try await store.acceptedSamples(after: 2).map(\.ordinal) == [3])
        #expect(try await store.acceptedCount() == 3)
    }

    @Test func resumeInfoRestoresStatesAndCounters() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        let empty = try await store.resumeInfo()
        #expect(empty.nextBatchIndex == 0 && empty.routerState == nil && empty.rngState.isEmpty && empty.acceptedCount == 0)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "a")])
        let lastBatch = Fixtures.batch(1, router: .object(["arms": .object(["creative": .array([.double(3.5), .double(2.25)])])]))
        try await store.record(batch: lastBatch, candidates: [Fixtures.rejected(slot: 0), Fixtures.accepted(slot: 1, text: "b")])
        await store.close()

        let reopened = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        let resume = try await reopened.resumeInfo()
        #expect(resume.nextBatchIndex == 2)
        #expect(resume.acceptedCount == 2 && resume.candidateCount == 3)
        #expect(resume.tokensUsed == 1234 + 1235)
        #expect(resume.routerState == lastBatch.routerState)
        #expect(resume.rngState == lastBatch.rngState)
        #expect(resume.run.seed == Fixtures.newRun().seed)
        #expect(resume.lastEvaluationAfterAccepted == nil)
    }

    @Test func evaluationsWithCreditAndLateRouterState() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        try await store.record(batch: Fixtures.batch(0), candidates: [Fixtures.accepted(slot: 0, text: "a")])
        let evaluation = EvaluationRecord(
            batchIndex: 0, afterAccepted: 1, protocolName: "train-synthetic-test-real",
            metrics: .object(["accuracy": .double(0.625), "macro_f1": .double(0.5)]), credit: ["creative": 0.125, "conservative": -0.03125],
            routerState: .object(["credited": .bool(true)]), createdAt: Date(timeIntervalSince1970: 1_700_000_200.5))
        try await store.record(evaluation: evaluation)
        #expect(try await store.evaluations() == [evaluation])
        // Credit fed back after batch 0 is the newest state until batch 1 records its own.
        #expect(try await store.lastRouterState() == .object(["credited": .bool(true)]))
        #expect(try await store.resumeInfo().lastEvaluationAfterAccepted == 1)
        let next = Fixtures.batch(1, router: .object(["after": .int(1)]))
        try await store.record(batch: next, candidates: [])
        #expect(try await store.lastRouterState() == next.routerState)
        await #expect(throws: StoreError.self) {
            try await store.record(evaluation: EvaluationRecord(
                batchIndex: 1, afterAccepted: 1, protocolName: "x", metrics: .null, credit: ["a": .nan]))
        }
        let future = await #expect(throws: StoreError.self) {
            try await store.record(evaluation: EvaluationRecord(
                batchIndex: 5, afterAccepted: 1, protocolName: "x", metrics: .null, credit: [:], routerState: .null))
        }
        #expect(future?.message.contains("the last batch is 1") == true)
        #expect(try await store.evaluations().count == 1)
    }
}
