import Foundation
import GenCore

extension RunStore {
    /// Takes demoted samples out of the accepted list (flagged rejected with a `demoted: ...` reason, the
    /// particulars in `demotions`) and renumbers the rest 1...N, as `AcceptedList` requires. Runs inside
    /// `record(evaluation:demotions:)`'s transaction.
    func demote(_ demotions: [DemotionRecord], evaluation: Int64, afterAccepted: Int, at time: Date, _ database: SQLiteConnection) throws {
        guard !demotions.isEmpty else { return }
        for demotion in demotions {
            let name = "batch \(demotion.batchIndex) slot \(demotion.slot)"
            guard [demotion.labelProbability, demotion.predictedProbability].allSatisfy(\.isFinite),
                  demotion.probabilities.values.allSatisfy(\.isFinite) else {
                throw StoreError(.invalid, "demotion of \(name): a probability is not finite")
            }
            guard let row = try database.query(
                """
                SELECT c.id, c.reasons_json, a.ordinal FROM candidates c JOIN accepted a ON a.candidate_id = c.id
                WHERE c.run_id = ? AND c.batch_index = ? AND c.slot = ?
                """, [.integer(runID), .int(demotion.batchIndex), .int(demotion.slot)]
            ).first else {
                throw StoreError(.invalid, "\(name) cannot be demoted: it is not an accepted sample")
            }
            let id = try row.int64("id")
            let reasons = try JSONColumn.strings(row, "reasons_json")
                + [DemotionReason.text(predicted: demotion.predicted, probability: demotion.predictedProbability)]
            try database.query("DELETE FROM accepted WHERE candidate_id = ?", [.integer(id)])
            try database.query("UPDATE candidates SET accepted = 0, reasons_json = ? WHERE id = ?", [JSONColumn.text(reasons), .integer(id)])
            try database.query(
                """
                INSERT INTO demotions (run_id, candidate_id, evaluation_id, after_accepted, ordinal, label, predicted,
                                       label_probability, predicted_probability, probabilities_json, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(runID), .integer(id), .integer(evaluation), .int(afterAccepted), .int(try row.int("ordinal")),
                    .text(demotion.label), .text(demotion.predicted), .real(demotion.labelProbability),
                    .real(demotion.predictedProbability), JSONColumn.text(demotion.probabilities), .real(time.timeIntervalSince1970),
                ])
        }
        try renumberAccepted(database)
    }

    /// Closes the gaps demotions leave: ordinals run 1...N again in the same order (a later batch takes N + 1).
    private func renumberAccepted(_ database: SQLiteConnection) throws {
        let kept = try database.query(
            "SELECT candidate_id FROM accepted WHERE run_id = ? ORDER BY ordinal", [.integer(runID)]
        ).map { try $0.int64("candidate_id") }
        try database.query("DELETE FROM accepted WHERE run_id = ?", [.integer(runID)])
        for (position, candidate) in kept.enumerated() {
            try database.query(
                "INSERT INTO accepted (run_id, ordinal, candidate_id) VALUES (?, ?, ?)",
                [.integer(runID), .int(position + 1), .integer(candidate)])
        }
    }

    /// Every demotion in the order it happened, with the arm and the sample.
    public func demotions() throws -> [DemotionRecord] {
        try database().query(
            """
            SELECT d.*, c.batch_index, c.slot, c.arm, c.sample_json FROM demotions d JOIN candidates c ON c.id = d.candidate_id
            WHERE d.run_id = ? ORDER BY d.id
            """, [.integer(runID)]
        ).map { row in
            var record = DemotionRecord(
                batchIndex: try row.int("batch_index"), slot: try row.int("slot"), label: try row.text("label"),
                predicted: try row.text("predicted"), labelProbability: try row.double("label_probability"),
                predictedProbability: try row.double("predicted_probability"), probabilities: try JSONColumn.numbers(row, "probabilities_json"))
            record.arm = try row.text("arm")
            record.sample = try JSONColumn.optionalValue(row, "sample_json") ?? .null
            record.ordinal = try row.int("ordinal")
            record.afterAccepted = try row.int("after_accepted")
            return record
        }
    }

    /// How many samples the run has demoted: the noise filter's budget used.
    public func demotedCount() throws -> Int {
        try demotedCount(try database())
    }

    func demotedCount(_ database: SQLiteConnection) throws -> Int {
        try database.query("SELECT COUNT(*) AS count FROM demotions WHERE run_id = ?", [.integer(runID)]).first?.int("count") ?? 0
    }
}
