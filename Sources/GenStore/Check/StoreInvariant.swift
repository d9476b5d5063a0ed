/// One rule the run store keeps (see `SchemaV1` and `RunStore.record(batch:candidates:)`): what breaks it,
/// and how a repair restores it. Repairs run in the caller's transaction, so all of them commit or none.
protocol StoreInvariant {
    func findings(_ database: SQLiteConnection, run: Int64) throws -> [StoreFinding]
    /// Restores the rule; returns what it did, one sentence per action (empty when nothing was wrong).
    func repair(_ database: SQLiteConnection, run: Int64) throws -> [String]
}

extension StoreInvariant {
    /// "#3, #17 and #40", at most `limit` of them then "and N more".
    static func list(_ items: [String], limit: Int = 8) -> String {
        let shown = Array(items.prefix(limit))
        let rest = items.count - shown.count
        if rest > 0 { return shown.joined(separator: ", ") + " and \(rest) more" }
        guard shown.count > 1, let last = shown.last else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + last
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
