import Foundation
import GenCore

extension RunStore {
    /// Records a finished batch with all its candidates, their checks, the router and RNG states after it
    /// and the accepted ordinals, in ONE transaction: after a crash the batch is either wholly there or
    /// wholly absent. Accepted candidates get the next ordinals in slot order.
    ///
    /// `batch.index` must be the run's next batch index (see `resumeInfo()`), so a confused or concurrent
    /// writer can never record a batch twice or leave a gap.
    @discardableResult
    /// `traffic` is each model server's traffic since the last write, committed with the batch.
    public func record(batch: BatchRecord, candidates: [CandidateRecord], traffic: [EndpointTraffic] = []) throws -> BatchReceipt {
        try Self.validate(batch: batch, candidates: candidates)
        let database = try database()
        return try database.transaction {
            let next = try nextBatchIndex(database)
            guard batch.index == next else {
                throw StoreError(
                    .invalid,
                    "batch \(batch.index) cannot be recorded: the run's next batch index is \(next) (resume from resumeInfo().nextBatchIndex)")
            }
            let batchID = try database.insert(
                """
                INSERT INTO batches (run_id, batch_index, allocation_json, router_state_json, rng_state_json,
                                     metrics_json, tokens, started_at, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(runID), .int(batch.index), JSONColumn.text(batch.allocation), JSONColumn.text(batch.routerState),
                    JSONColumn.text(batch.rngState), JSONColumn.text(batch.metrics), .int(batch.tokens),
                    .real(batch.startedAt.timeIntervalSince1970), .real(batch.endedAt.timeIntervalSince1970),
                ])
            var ordinal = try acceptedCount(database)
            var ordinals: [Int] = []
            for candidate in candidates.sorted(by: { $0.slot < $1.slot }) {
                let candidateID = try insert(candidate, batchID: batchID, batchIndex: batch.index, into: database)
                guard candidate.verdict == .accepted else { continue }
                ordinal += 1
                try database.query(
                    "INSERT INTO accepted (run_id, ordinal, candidate_id) VALUES (?, ?, ?)",
                    [.integer(runID), .int(ordinal), .integer(candidateID)])
                ordinals.append(ordinal)
            }
            try writeTraffic(traffic, database)
            try consumeDeliveredBatchLines(database)
            return BatchReceipt(batchIndex: batch.index, acceptedOrdinals: ordinals, acceptedTotal: ordinal)
        }
    }

    private func insert(_ candidate: CandidateRecord, batchID: Int64, batchIndex: Int, into database: SQLiteConnection) throws -> Int64 {
        // The hash covers the text as stored (after redaction), so exports can be checked against it.
        let sampleText = candidate.sample.map { redactor.redact(CanonicalJSON.string($0)) }
        let rawText = candidate.rawText.map { CandidateRecord.storedRawText(redactor.redact($0)) }
        let candidateID = try database.insert(
            """
            INSERT INTO candidates (run_id, batch_id, batch_index, slot, arm, arm_parameters_json, sample_json, raw_text,
                                    accepted, reasons_json, reward, scores_json, tokens, latency_seconds, content_hash,
                                    prompt_tokens, completion_tokens, dollars)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(runID), .integer(batchID), .int(batchIndex), .int(candidate.slot), .text(candidate.arm),
                JSONColumn.text(candidate.armParameters), .optionalText(sampleText), .optionalText(rawText),
                .bool(candidate.verdict == .accepted), JSONColumn.text(candidate.reasons), .real(candidate.reward),
                JSONColumn.text(candidate.scores), .int(candidate.tokens), .real(candidate.latencySeconds),
                .text(SHA256.hex(sampleText ?? rawText ?? "")),
                candidate.promptTokens.map(SQLValue.int) ?? .null, candidate.completionTokens.map(SQLValue.int) ?? .null,
                .optionalReal(candidate.dollars),
            ])
        for (position, check) in candidate.checks.enumerated() {
            try database.query(
                """
                INSERT INTO checks (candidate_id, position, stage, kind, passed, score, cached, detail_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(candidateID), .int(position), .text(check.stage), .text(check.kind), .bool(check.passed),
                    .optionalReal(check.score), .bool(check.cached), JSONColumn.text(check.detail),
                ])
        }
        return candidateID
    }

    /// Refuses, before any write, what the schema cannot express or a report could not read back.
    static func validate(batch: BatchRecord, candidates: [CandidateRecord]) throws {
        guard batch.index >= 0, batch.tokens >= 0 else {
            throw StoreError(.invalid, "batch \(batch.index): index and tokens must not be negative")
        }
        for candidate in candidates {
            let name = "batch \(batch.index) slot \(candidate.slot)"
            if candidate.verdict == .accepted, candidate.sample == nil {
                throw StoreError(.invalid, "\(name): an accepted candidate needs a parsed sample")
            }
            guard candidate.reward.isFinite else { throw StoreError(.invalid, "\(name): reward is \(candidate.reward)") }
            guard candidate.latencySeconds.isFinite, candidate.tokens >= 0, (candidate.promptTokens ?? 0) >= 0,
                  (candidate.completionTokens ?? 0) >= 0 else {
                throw StoreError(.invalid, "\(name): latency must be finite and tokens not negative")
            }
            if let dollars = candidate.dollars, !(dollars.isFinite && dollars >= 0) {
                throw StoreError(.invalid, "\(name): dollars is \(dollars)")
            }
            for (score, value) in candidate.scores where !value.isFinite {
                throw StoreError(.invalid, "\(name): score '\(score)' is \(value)")
            }
            for check in candidate.checks where !(check.score?.isFinite ?? true) {
                throw StoreError(.invalid, "\(name): check '\(check.stage)' has score \(check.score ?? .nan)")
            }
        }
    }

    func nextBatchIndex(_ database: SQLiteConnection) throws -> Int {
        try database.query(
            "SELECT COALESCE(MAX(batch_index) + 1, 0) AS next FROM batches WHERE run_id = ?", [.integer(runID)]
        ).first?.int("next") ?? 0
    }

    func acceptedCount(_ database: SQLiteConnection) throws -> Int {
        try database.query("SELECT COUNT(*) AS count FROM accepted WHERE run_id = ?", [.integer(runID)]).first?.int("count") ?? 0
    }
}
