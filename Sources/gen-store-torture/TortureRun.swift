import Foundation
import GenCore
import GenStore

/// Writes batches into the run in `directory` until it holds `batches` of them, continuing whatever an
/// earlier (possibly killed) process committed. After each commit it prints
/// `committed BATCH ORDINAL:HASH ...` and flushes, so the test knows what was reported as saved.
enum TortureRun {
    static func run(directory: URL, seed: UInt64, batches: Int, exportEvery: Int, durability: Durability) async throws {
        let options = StoreOptions(durability: durability)
        let store: RunStore
        do {
            store = try RunStore(opening: directory, options: options)
        } catch let error as StoreError where error.kind == .notFound {
            let run = NewRun(
                scriptPath: "torture.gen", scriptSHA256: SHA256.hex("torture"), seed: seed,
                graph: .object(["arms": .array(SyntheticBatch.arms.map(JSONValue.string))]), targetCount: batches * 5)
            store = try RunStore(creating: run, in: directory, options: options)
        }
        try await store.setStatus(.running)
        let resume = try await store.resumeInfo()
        var router = try resume.routerState.map { try StoreJSON.decode(TortureRouterState.self, from: $0) }
            ?? TortureRouterState(batches: 0, accepted: 0, rewardSum: 0)
        guard router.batches == resume.nextBatchIndex, router.accepted == resume.acceptedCount else {
            throw StoreError(.invalid, "router state \(router) does not match the store (next batch \(resume.nextBatchIndex), accepted \(resume.acceptedCount))")
        }
        var random = resume.rngState["torture"].map { SeededRandom(seed: $0) } ?? SeededRandom(seed: seed)
        for index in resume.nextBatchIndex..<batches {
            let started = Date()
            let candidates = SyntheticBatch.make(index: index, random: &random)
            router.batches += 1
            router.accepted += candidates.filter { $0.verdict == .accepted }.count
            router.rewardSum += candidates.reduce(0) { $0 + $1.reward }
            let batch = BatchRecord(
                index: index, allocation: Dictionary(grouping: candidates, by: \.arm).mapValues(\.count),
                routerState: try StoreJSON.value(of: router), rngState: ["torture": random.state],
                metrics: .object(["epsilon": .double(1 / Double(index + 1))]), tokens: candidates.reduce(0) { $0 + $1.tokens },
                startedAt: started, endedAt: Date())
            let receipt = try await store.record(batch: batch, candidates: candidates)
            let accepted = candidates.filter { $0.verdict == .accepted }
            let pairs = zip(receipt.acceptedOrdinals, accepted).map { ordinal, candidate in
                "\(ordinal):\(SHA256.hex(CanonicalJSON.string(candidate.sample ?? .null)))"
            }
            report((["committed", String(index)] + pairs).joined(separator: " "))
            if exportEvery > 0, index % exportEvery == 0 { try await store.export() }
        }
        try await store.export()
        try await store.setStatus(.completed)
        report("done")
    }

    /// One unbuffered write(2) per line: a kill can never leave a reported line sitting in a buffer.
    private static func report(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
