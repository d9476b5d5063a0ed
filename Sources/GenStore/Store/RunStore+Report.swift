import Foundation
import GenCore

/// Read-side queries for `gen report`: each returns plain rows ready to chart.
extension RunStore {
    /// Per batch and arm: slots (the router's choices), accepted, mean reward, tokens.
    public func armBatchRows() throws -> [ArmBatchRow] {
        try database().query(
            """
            SELECT batch_index, arm, COUNT(*) AS generated, SUM(accepted) AS accepted, AVG(reward) AS mean_reward,
                   SUM(tokens) AS tokens, SUM(dollars) AS dollars
            FROM candidates WHERE run_id = ? GROUP BY batch_index, arm ORDER BY batch_index, arm
            """, [.integer(runID)]
        ).map { row in
            ArmBatchRow(
                batchIndex: try row.int("batch_index"), arm: try row.text("arm"), generated: try row.int("generated"),
                accepted: try row.int("accepted"), meanReward: try row.double("mean_reward"), tokens: try row.int("tokens"),
                dollars: try row.optionalDouble("dollars"))
        }
    }

    /// Per arm over the whole run. An arm's tokens include its attribute discovery's; an arm that only
    /// discovered (never pulled) is listed with no candidates. The run is ?1, so the `?` of `passedCase` is ?2; the
    /// candidates table is not aliased because `passedCase` names it.
    public func armSummaries() throws -> [ArmSummaryRow] {
        try database().query(
            """
            WITH discovery AS (SELECT arm, SUM(tokens) AS tokens, SUM(dollars) AS dollars FROM attribute_discoveries
                               WHERE run_id = ?1 GROUP BY arm)
            SELECT arm, COUNT(*) AS generated, SUM(accepted) AS accepted, AVG(reward) AS mean_reward,
                   SUM(tokens) + COALESCE((SELECT d.tokens FROM discovery d WHERE d.arm = candidates.arm), 0) AS tokens,
                   AVG(latency_seconds) AS mean_latency,
                   SUM(\(Self.passedCase)) AS passed,
                   \(Self.unknownOrSum("SUM(dollars)", "(SELECT d.dollars FROM discovery d WHERE d.arm = candidates.arm)")) AS dollars
            FROM candidates WHERE run_id = ?1 GROUP BY arm
            UNION ALL
            SELECT arm, 0, 0, 0.0, tokens, 0.0, 0, dollars FROM discovery WHERE arm NOT IN (SELECT arm FROM candidates WHERE run_id = ?1)
            ORDER BY arm
            """, [.integer(runID), .text(SurplusReason.prefix)]
        ).map { row in
            ArmSummaryRow(
                arm: try row.text("arm"), generated: try row.int("generated"), accepted: try row.int("accepted"),
                passed: try row.int("passed"),
                meanReward: try row.double("mean_reward"), tokens: try row.int("tokens"),
                meanLatencySeconds: try row.double("mean_latency"), dollars: try row.optionalDouble("dollars"))
        }
    }

    /// The run summary's "passed": accepted, passed every check but arrived after the target was met, or
    /// accepted and later demoted by the noise filter (it did pass every check).
    static let passedCase = """
        CASE WHEN accepted = 1 OR (json_array_length(reasons_json) = 1
            AND json_extract(reasons_json, '$[0]') LIKE ? || '%')
            OR EXISTS (SELECT 1 FROM demotions d WHERE d.candidate_id = candidates.id) THEN 1 ELSE 0 END
        """

    /// Candidates per drawn attribute value (arms with `attributes` record the values each candidate asked for).
    public func attributeOutcomes() throws -> [AttributeOutcomeRow] {
        try database().query(
            """
            SELECT a.key AS attribute, a.value AS value, COUNT(*) AS generated, SUM(accepted) AS accepted,
                   SUM(\(Self.passedCase)) AS passed, AVG(reward) AS mean_reward
            FROM candidates, json_each(arm_parameters_json, '$.attributes') a
            WHERE run_id = ? AND json_type(arm_parameters_json, '$.attributes') = 'object'
            GROUP BY a.key, a.value ORDER BY a.key, generated DESC, a.value
            """, [.text(SurplusReason.prefix), .integer(runID)]
        ).map { row in
            AttributeOutcomeRow(
                attribute: try row.text("attribute"), value: try row.text("value"), generated: try row.int("generated"),
                accepted: try row.int("accepted"), passed: try row.int("passed"), meanReward: try row.double("mean_reward"))
        }
    }

    /// Candidates per arm and the label their slot asked for (recorded as `asked_label` since issue 13; runs
    /// without labels, or stored before, have none and give no rows).
    public func armLabelOutcomes() throws -> [ArmLabelOutcomeRow] {
        try database().query(
            """
            SELECT arm, json_extract(arm_parameters_json, '$.asked_label') AS label, COUNT(*) AS generated,
                   SUM(accepted) AS accepted, SUM(\(Self.passedCase)) AS passed, AVG(reward) AS mean_reward
            FROM candidates
            WHERE run_id = ? AND json_type(arm_parameters_json, '$.asked_label') = 'text'
            GROUP BY arm, label ORDER BY arm, label
            """, [.text(SurplusReason.prefix), .integer(runID)]
        ).map { row in
            ArmLabelOutcomeRow(
                arm: try row.text("arm"), label: try row.text("label"), generated: try row.int("generated"),
                accepted: try row.int("accepted"), passed: try row.int("passed"), meanReward: try row.double("mean_reward"))
        }
    }

    /// Rejection reasons per arm, most frequent first.
    public func rejectionReasons() throws -> [RejectionReasonRow] {
        try database().query(
            """
            SELECT c.arm AS arm, r.value AS reason, COUNT(*) AS count
            FROM candidates c, json_each(c.reasons_json) r
            WHERE c.run_id = ? AND c.accepted = 0
            GROUP BY c.arm, r.value ORDER BY c.arm, count DESC, reason
            """, [.integer(runID)]
        ).map { row in
            RejectionReasonRow(arm: try row.text("arm"), reason: try row.text("reason"), count: try row.int("count"))
        }.groupedByCategory()
    }

    /// Pass counts, mean scores and cache hits per arm and quality stage.
    public func stageOutcomes() throws -> [StageOutcomeRow] {
        try database().query(
            """
            SELECT c.arm AS arm, k.stage AS stage, k.kind AS kind, COUNT(*) AS total, SUM(k.passed) AS passed,
                   AVG(k.score) AS mean_score, SUM(k.cached) AS cached, COUNT(k.score) AS scored,
                   AVG(k.score * k.score) AS mean_square
            FROM checks k JOIN candidates c ON c.id = k.candidate_id
            WHERE c.run_id = ? GROUP BY c.arm, k.stage, k.kind ORDER BY c.arm, MIN(k.position), k.stage
            """, [.integer(runID)]
        ).map { row in
            StageOutcomeRow(
                arm: try row.text("arm"), stage: try row.text("stage"), kind: try row.text("kind"), total: try row.int("total"),
                passed: try row.int("passed"), meanScore: try row.optionalDouble("mean_score"), cached: try row.int("cached"),
                scored: try row.int("scored"), meanSquareScore: try row.optionalDouble("mean_square"))
        }
    }

    /// Accepted samples per value of `field` (label coverage), most frequent first.
    public func labelCoverage(field: String) throws -> [LabelCountRow] {
        try database().query(
            """
            SELECT json_extract(c.sample_json, ?) AS label, COUNT(*) AS count
            FROM accepted a JOIN candidates c ON c.id = a.candidate_id
            WHERE a.run_id = ? GROUP BY label ORDER BY count DESC, label
            """, [.text(try Self.jsonPath(field)), .integer(runID)]
        ).map { row in
            let label: String?
            switch row["label"] {
            case .text(let text): label = text
            case .integer(let number): label = String(number)
            case .real(let number): label = String(number)
            default: label = nil
            }
            return LabelCountRow(label: label, count: try row.int("count"))
        }
    }

    /// Mean of one candidate score (e.g. "novelty") per batch and arm; only accepted candidates when asked.
    public func scoreSeries(score: String, acceptedOnly: Bool = false) throws -> [ScoreSeriesRow] {
        try database().query(
            """
            SELECT batch_index, arm, AVG(value) AS mean, COUNT(value) AS count
            FROM (SELECT batch_index, arm, json_extract(scores_json, ?) AS value FROM candidates
                  WHERE run_id = ? AND (accepted = 1 OR ? = 0))
            WHERE value IS NOT NULL GROUP BY batch_index, arm ORDER BY batch_index, arm
            """, [.text(try Self.jsonPath(score)), .integer(runID), .bool(acceptedOnly)]
        ).map { row in
            ScoreSeriesRow(
                batchIndex: try row.int("batch_index"), arm: try row.text("arm"), mean: try row.double("mean"), count: try row.int("count"))
        }
    }

    /// One number per batch from the batch metrics or the router state (epsilon, diversity...), by dotted path.
    /// Batches without that member (or with a non-number there) give a nil value rather than being skipped.
    public func batchSeries(_ source: BatchSeriesSource) throws -> [BatchSeriesPoint] {
        let (column, path): (String, String)
        switch source {
        case .metric(let dotted): (column, path) = ("metrics_json", dotted)
        case .routerState(let dotted): (column, path) = ("router_state_json", dotted)
        }
        let components = path.split(separator: ".").map(String.init)
        return try database().query(
            "SELECT batch_index, \(column) AS json FROM batches WHERE run_id = ? ORDER BY batch_index", [.integer(runID)]
        ).map { row in
            var value: JSONValue? = try JSONColumn.value(row, "json")
            for component in components { value = value?[component] }
            return BatchSeriesPoint(batchIndex: try row.int("batch_index"), value: value?.doubleValue)
        }
    }

    /// A SQLite JSON path selecting one top-level member, quoted so dots and spaces in names are literal.
    static func jsonPath(_ member: String) throws -> String {
        guard !member.contains("\"") else {
            throw StoreError(.invalid, "a field name with a double quote cannot be queried: \(member)")
        }
        return "$.\"\(member)\""
    }
}
