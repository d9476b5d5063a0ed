import GenProviders
import GenStore

/// The run store as a batch-mode client's journal (`batch_jobs`, `batch_job_lines`): what a resumed run reads to
/// collect a batch still on the server instead of paying for it again.
struct RunStoreBatchJournal: BatchJournal {
    let store: RunStore

    func claimableLines(endpoint: String) async throws -> [JournaledLine] {
        try await store.claimableBatchJobLines(endpoint: endpoint).map {
            JournaledLine(batchID: $0.batchID, customID: $0.customID, requestHash: $0.requestHash)
        }
    }

    func record(batch: JournaledBatch) async throws {
        try await store.recordBatchJob(
            batchID: batch.batchID, endpoint: batch.endpoint, inputFileID: batch.inputFileID, status: batch.status,
            lines: batch.lines.map { ($0.customID, $0.requestHash) })
    }

    func update(batchID: String, status: String, outputFileID: String?, errorFileID: String?) async throws {
        try await store.updateBatchJob(batchID: batchID, status: status, outputFileID: outputFileID, errorFileID: errorFileID)
    }

    func mark(batchID: String, customIDs: [String], state: JournaledLineState) async throws {
        try await store.markBatchJobLines(batchID: batchID, customIDs: customIDs, state: state.rawValue)
    }
}
