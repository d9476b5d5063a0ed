import Foundation
import GenCore

/// The accepted list is derived from the candidates: each candidate accepted with an intact sample has one
/// entry, ordinals run 1...N in batch and slot order, and nothing else is listed. `record` keeps this in one
/// transaction; a deleted entry makes every later batch collide with an ordinal already taken, and a
/// dangling one lets a run count a sample it no longer has (and "complete" one short).
struct AcceptedList: StoreInvariant {
    /// The reason a demoted candidate carries in rejected.jsonl.
    static let unreadableReason = "sample unreadable in the run store (set aside by gen doctor)"

    func findings(_ database: SQLiteConnection, run: Int64) throws -> [StoreFinding] {
        let plan = try AcceptedPlan(database, run: run)
        let unlistedPlaces = Self.list(plan.unlisted.map { "#\(plan.ordinal(of: $0))" })
        // (kind, entries, what is wrong given their labels and whether there is one, what a repair does)
        let groups: [(StoreFinding.Kind, [AcceptedPlan.Entry], (String, Bool) -> String, String)] = [
            (.lostSample, plan.lost,
             { "accepted \($0) point\($1 ? "s at a candidate that is" : " at candidates that are") gone: "
                 + "\($1 ? "its sample is" : "their samples are") lost" },
             "drop the entries; later samples move up and `gen run --resume` generates the missing ones"),
            (.unreadableSample, plan.unreadable, { labels, _ in "the samples of accepted \(labels) are missing or not JSON" },
             "take them out of the accepted list and keep their candidates as rejected (\"\(Self.unreadableReason)\")"),
            (.rejectedInList, plan.rejected,
             { "accepted \($0) \($1 ? "is" : "are") listed, but the candidate was rejected (\(plan.rejected[0].firstReason))" },
             "drop the entries: the candidates' rejections stand"),
            (.unflaggedAccepted, plan.unflagged,
             { labels, _ in "accepted \(labels): the candidate is flagged rejected, yet has an intact sample and no rejection reason" },
             "flag the candidates accepted again; the samples stay in the dataset"),
            (.unlistedAccepted, plan.unlisted,
             { "\($0) \($1 ? "is" : "are") accepted, with an intact sample, but missing from the accepted list (a deleted row): "
                 + "resuming would collide with an ordinal already taken" },
             plan.unlisted.count == 1 ? "put it back at its place in batch and slot order (\(unlistedPlaces))"
                 : "put them back at their places in batch and slot order (\(unlistedPlaces))"),
        ]
        var findings = groups.filter { !$0.1.isEmpty }.map { kind, entries, detail, repair in
            StoreFinding(kind, rows: entries.count, detail(Self.list(entries.map(\.label)), entries.count == 1), .repair(repair))
        }
        if let first = plan.renumbered.first, let last = plan.renumbered.last {
            let range = plan.renumbered.count == 1 ? "#\(first.from) should be #\(first.to)"
                : "#\(first.from) should be #\(first.to), ..., #\(last.from) should be #\(last.to)"
            findings.append(StoreFinding(
                .ordinals, rows: plan.renumbered.count,
                "\(Self.plural(plan.renumbered.count, "accepted ordinal")) do not run 1...N in batch and slot order (\(range))",
                .repair("renumber them: the order of the samples is kept, the gaps close")))
        }
        return findings
    }

    func repair(_ database: SQLiteConnection, run: Int64) throws -> [String] {
        let plan = try AcceptedPlan(database, run: run)
        guard !plan.isClean else { return [] }
        for entry in plan.unreadable {
            guard let id = entry.candidateID else { continue }
            let reasons = (CanonicalJSON.parse(entry.reasons ?? "")?.arrayValue ?? []).compactMap(\.stringValue)
            try database.query(
                "UPDATE candidates SET accepted = 0, reasons_json = ? WHERE id = ?",
                [JSONColumn.text(reasons + [Self.unreadableReason]), .integer(id)])
        }
        for entry in plan.unflagged {
            try database.query("UPDATE candidates SET accepted = 1 WHERE id = ?", [.integer(entry.candidateID ?? 0)])
        }
        try database.query("DELETE FROM accepted WHERE run_id = ?", [.integer(run)])
        for (ordinal, entry) in plan.kept.enumerated() {
            try database.query(
                "INSERT INTO accepted (run_id, ordinal, candidate_id) VALUES (?, ?, ?)",
                [.integer(run), .int(ordinal + 1), .integer(entry.candidateID ?? 0)])
        }
        var actions: [String] = []
        if !plan.lost.isEmpty {
            actions.append("dropped accepted \(Self.list(plan.lost.map(\.label))): \(plan.lost.count == 1 ? "its candidate was" : "their candidates were") gone")
        }
        if !plan.unreadable.isEmpty {
            actions.append("set aside accepted \(Self.list(plan.unreadable.map(\.label))) as rejected: the samples were unreadable")
        }
        if !plan.rejected.isEmpty {
            actions.append("dropped accepted \(Self.list(plan.rejected.map(\.label))): \(plan.rejected.count == 1 ? "its candidate was" : "their candidates were") rejected")
        }
        if !plan.unflagged.isEmpty { actions.append("flagged accepted \(Self.list(plan.unflagged.map(\.label))) as accepted again") }
        if !plan.unlisted.isEmpty {
            actions.append("restored \(Self.list(plan.unlisted.map { "\($0.label) as #\(plan.ordinal(of: $0))" })) to the accepted list")
        }
        if !plan.renumbered.isEmpty { actions.append("renumbered \(Self.plural(plan.renumbered.count, "accepted sample")) to close the gaps") }
        if plan.dropped > 0 { actions += try reopen(database, run: run, accepted: plan.kept.count) }
        return actions
    }

    /// A run marked completed that now holds fewer samples than its target is marked stopped, so the report
    /// says so and `gen run --resume` makes up the rest.
    private func reopen(_ database: SQLiteConnection, run: Int64, accepted: Int) throws -> [String] {
        try database.query(
            """
            UPDATE runs SET status = 'stopped', status_detail = ?
            WHERE id = ? AND status = 'completed' AND target_count > ?
            """,
            [.text("\(accepted) accepted samples left after gen doctor dropped damaged entries"), .integer(run), .int(accepted)])
        guard database.changes > 0 else { return [] }
        return ["the run was marked completed but now holds \(accepted) samples, short of its target: marked stopped, "
                + "so `gen run --resume` makes up the rest"]
    }
}
