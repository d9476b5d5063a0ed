/// The kind of a rejection reason, without the particulars that make every reason unique: "duplicate: exact
/// duplicate of `accepted #12`" is "duplicate: exact duplicate". Counts, charts and the summary's top rejection
/// group by it (one reason per accepted sample made as many unlabelled bars); the store keeps every full reason.
public enum RejectionCategory {
    public static func of(_ reason: String) -> String {
        if reason.hasPrefix(DemotionReason.prefix) { return DemotionReason.prefix }
        if reason.hasPrefix("duplicate: "), let cut = reason.range(of: " of `") {
            return String(reason[..<cut.lowerBound])
        }
        if reason.hasPrefix("score \""), let below = reason.range(of: " below ") {
            // `score "fits" 0.21 below 0.50` -> `score "fits" below its threshold`
            let name = reason[..<below.lowerBound].split(separator: " ").dropLast().joined(separator: " ")
            return name + " below its threshold"
        }
        if reason.hasPrefix("novelty "), reason.contains(" below ") { return "novelty below the minimum" }
        for prefix in ["unreadable output: ", "schema: ", "generation failed: "] where reason.hasPrefix(prefix) {
            // Keep the first clause after the prefix: "unreadable output: truncated JSON", "schema: field `label`".
            let rest = reason.dropFirst(prefix.count)
            let clause = rest.range(of: ": ").map { rest[..<$0.lowerBound] } ?? rest
            return prefix + String(clause.prefix(60))
        }
        return reason.count > 80 ? String(reason.prefix(80)) + "…" : reason
    }
}

extension [RejectionReasonRow] {
    /// Rows of the same arm and category merged, most frequent first.
    func groupedByCategory() -> [RejectionReasonRow] {
        var totals: [String: [String: Int]] = [:]
        for row in self { totals[row.arm, default: [:]][RejectionCategory.of(row.reason), default: 0] += row.count }
        return totals.keys.sorted().flatMap { arm in
            (totals[arm] ?? [:]).map { RejectionReasonRow(arm: arm, reason: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.reason) < ($0.count, $1.reason) }
        }
    }
}
