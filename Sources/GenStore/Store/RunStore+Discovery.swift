import Foundation
import GenCore

/// Attribute discovery's rows: written once per (arm, dimension, label) at run start, read back on resume.
extension RunStore {
    /// Stores one discovery with its values in one transaction, so a kill leaves it whole or absent.
    public func record(discovered: DiscoveredAttribute) throws {
        guard discovered.tokens >= 0, discovered.calls >= 0, discovered.dollars.map({ $0.isFinite && $0 >= 0 }) ?? true else {
            throw StoreError(.invalid, "discovered attribute \(discovered.dimension): tokens, calls and dollars must not be negative")
        }
        let database = try database()
        let label = SQLValue.text(discovered.label ?? "")
        try database.transaction {
            try database.query(
                """
                INSERT INTO attribute_discoveries (run_id, arm, dimension, label, calls, tokens, created_at, dollars)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.integer(runID), .text(discovered.arm), .text(discovered.dimension), label, .int(discovered.calls),
                 .int(discovered.tokens), .real(Date().timeIntervalSince1970), .optionalReal(discovered.dollars)])
            for (ordinal, value) in discovered.values.enumerated() {
                try database.query(
                    "INSERT INTO discovered_attributes (run_id, arm, dimension, label, ordinal, value) VALUES (?, ?, ?, ?, ?, ?)",
                    [.integer(runID), .text(discovered.arm), .text(discovered.dimension), label, .int(ordinal), .text(value)])
            }
            try consumeDeliveredBatchLines(database)
        }
    }

    /// Every stored discovery, by arm, dimension and label, its values in the order the model gave them.
    public func discoveredAttributes() throws -> [DiscoveredAttribute] {
        let database = try database()
        return try database.transaction(.deferred) {
            var values: [String: [String]] = [:]
            for row in try database.query(
                "SELECT arm, dimension, label, value FROM discovered_attributes WHERE run_id = ? ORDER BY ordinal", [.integer(runID)]
            ) {
                values[Self.key(try row.text("arm"), try row.text("dimension"), try row.text("label")), default: []].append(try row.text("value"))
            }
            return try database.query(
                "SELECT * FROM attribute_discoveries WHERE run_id = ? ORDER BY arm, dimension, label", [.integer(runID)]
            ).map { row in
                let arm = try row.text("arm"), dimension = try row.text("dimension"), label = try row.text("label")
                return DiscoveredAttribute(
                    arm: arm, dimension: dimension, label: label.isEmpty ? nil : label,
                    values: values[Self.key(arm, dimension, label)] ?? [], calls: try row.int("calls"), tokens: try row.int("tokens"),
                    dollars: try row.optionalDouble("dollars"))
            }
        }
    }

    /// The run's tokens: every batch's and attribute discovery's. The one total the run summary, resume,
    /// inspect and the report show.
    public func tokensUsed() throws -> Int {
        try tokensUsed(try database())
    }

    func tokensUsed(_ database: SQLiteConnection) throws -> Int {
        try database.query(
            """
            SELECT (SELECT COALESCE(SUM(tokens), 0) FROM batches WHERE run_id = ?1)
                 + (SELECT COALESCE(SUM(tokens), 0) FROM attribute_discoveries WHERE run_id = ?1) AS tokens
            """, [.integer(runID)]
        ).first?.int("tokens") ?? 0
    }

    private static func key(_ arm: String, _ dimension: String, _ label: String) -> String {
        [arm, dimension, label].joined(separator: "\u{1F}")
    }
}
