import Foundation
import GenCore

extension RunStore {
    /// Records an evaluation, its per-arm credit, the samples its noise filter demoted and (optionally) the router
    /// state after the credit and the demotions were fed back, in one transaction: a kill leaves all of it or none,
    /// so no sample is ever both accepted and demoted, or neither. Returns the evaluation's id.
    @discardableResult
    public func record(evaluation: EvaluationRecord, demotions: [DemotionRecord] = []) throws -> Int64 {
        for (arm, credit) in evaluation.credit where !credit.isFinite {
            throw StoreError(.invalid, "evaluation after \(evaluation.afterAccepted) samples: credit for '\(arm)' is \(credit)")
        }
        let database = try database()
        return try database.transaction {
            // A future batch index would make this state shadow the router states of batches still to come.
            let lastBatch = try nextBatchIndex(database) - 1
            guard evaluation.batchIndex <= lastBatch else {
                throw StoreError(
                    .invalid, "an evaluation after batch \(evaluation.batchIndex) cannot be recorded: the last batch is \(lastBatch)")
            }
            let id = try database.insert(
                """
                INSERT INTO evaluations (run_id, batch_index, after_accepted, protocol, metrics_json, router_state_json, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(runID), .int(evaluation.batchIndex), .int(evaluation.afterAccepted), .text(evaluation.protocolName),
                    JSONColumn.text(evaluation.metrics), evaluation.routerState.map(JSONColumn.text) ?? .null,
                    .real(evaluation.createdAt.timeIntervalSince1970),
                ])
            for (arm, credit) in evaluation.credit.sorted(by: { $0.key < $1.key }) {
                try database.query(
                    "INSERT INTO evaluation_credit (evaluation_id, arm, credit) VALUES (?, ?, ?)", [.integer(id), .text(arm), .real(credit)])
            }
            try demote(demotions, evaluation: id, afterAccepted: evaluation.afterAccepted, at: evaluation.createdAt, database)
            return id
        }
    }

    /// Every evaluation in the order it ran, with its credit per arm.
    public func evaluations() throws -> [EvaluationRecord] {
        let database = try database()
        return try database.transaction(.deferred) {
            var credit: [Int64: [String: Double]] = [:]
            for row in try database.query(
                "SELECT k.* FROM evaluation_credit k JOIN evaluations e ON e.id = k.evaluation_id WHERE e.run_id = ?", [.integer(runID)])
            {
                credit[try row.int64("evaluation_id"), default: [:]][try row.text("arm")] = try row.double("credit")
            }
            return try database.query("SELECT * FROM evaluations WHERE run_id = ? ORDER BY id", [.integer(runID)]).map { row in
                EvaluationRecord(
                    batchIndex: try row.int("batch_index"), afterAccepted: try row.int("after_accepted"),
                    protocolName: try row.text("protocol"), metrics: try JSONColumn.value(row, "metrics_json"),
                    credit: credit[try row.int64("id")] ?? [:], routerState: try JSONColumn.optionalValue(row, "router_state_json"),
                    createdAt: Date(timeIntervalSince1970: try row.double("created_at")))
            }
        }
    }
}
