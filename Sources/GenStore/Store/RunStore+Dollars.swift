import GenCore

/// What a run cost at its models' declared prices. NULL dollars are unknown (no price, or a row written before
/// schema version 4), so a sum is NULL only when every part is: "no price declared", never $0.
extension RunStore {
    /// The run's dollars: every candidate's (generation and model checks) and attribute discovery's. The one
    /// total the run summary, resume, the report and the card show; nil when nothing stored has a price.
    public func dollarsSpent() throws -> Double? {
        try dollarsSpent(try database())
    }

    func dollarsSpent(_ database: SQLiteConnection) throws -> Double? {
        try database.query(
            """
            SELECT \(Self.unknownOrSum(
                "(SELECT SUM(dollars) FROM candidates WHERE run_id = ?1)",
                "(SELECT SUM(dollars) FROM attribute_discoveries WHERE run_id = ?1)")) AS dollars
            """, [.integer(runID)]
        ).first?.optionalDouble("dollars")
    }

    /// SQL for `a + b` where either may be NULL (unknown): NULL when both are, else the known parts added.
    static func unknownOrSum(_ a: String, _ b: String) -> String {
        "CASE WHEN \(a) IS NULL AND \(b) IS NULL THEN NULL ELSE COALESCE(\(a), 0) + COALESCE(\(b), 0) END"
    }
}
