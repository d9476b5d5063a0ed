import GenCore

/// Every accepted entry and every candidate flagged accepted, sorted into what a repair keeps and drops.
///
/// The verdict is rebuilt from both sides: a listed candidate whose flag says rejected is kept only when it
/// has an intact sample and no rejection reason (the flag was what broke); with reasons, its rejection stands.
struct AcceptedPlan {
    struct Entry {
        var ordinal: Int?
        var candidateID: Int64?
        var batchIndex: Int
        var slot: Int
        var flagged: Bool
        var intact: Bool
        var reasons: String?

        /// `#17`, or `batch 3 slot 2` for a candidate that has no entry.
        var label: String {
            guard let ordinal else { return "batch \(batchIndex) slot \(slot)" }
            return candidateID == nil ? "#\(ordinal)" : "#\(ordinal) (batch \(batchIndex) slot \(slot))"
        }

        var firstReason: String {
            CanonicalJSON.parse(reasons ?? "")?.arrayValue?.first?.stringValue ?? "no readable reason"
        }
    }

    var lost: [Entry] = []
    var unreadable: [Entry] = []
    var rejected: [Entry] = []
    var unflagged: [Entry] = []
    var unlisted: [Entry] = []
    /// What the list holds after a repair, in order: entry i gets ordinal i + 1.
    var kept: [Entry] = []
    /// Listed entries whose ordinal changes.
    var renumbered: [(from: Int, to: Int)] = []

    init(_ database: SQLiteConnection, run: Int64) throws {
        let rows = try database.query(
            """
            SELECT a.ordinal, c.id, c.batch_index, c.slot, c.accepted, json_valid(c.sample_json) AS intact, c.reasons_json
            FROM accepted a LEFT JOIN candidates c ON c.id = a.candidate_id WHERE a.run_id = ?1
            UNION ALL
            SELECT NULL, c.id, c.batch_index, c.slot, c.accepted, json_valid(c.sample_json), c.reasons_json
            FROM candidates c
            WHERE c.run_id = ?1 AND c.accepted = 1 AND NOT EXISTS (SELECT 1 FROM accepted a WHERE a.candidate_id = c.id)
            """, [.integer(run)])
        for row in rows {
            let entry = Entry(
                ordinal: try row.optionalInt("ordinal"), candidateID: try row.optionalInt("id").map(Int64.init),
                batchIndex: try row.optionalInt("batch_index") ?? 0, slot: try row.optionalInt("slot") ?? 0,
                flagged: try row.optionalInt("accepted") == 1, intact: try row.optionalInt("intact") == 1,
                reasons: try row.optionalText("reasons_json"))
            sort(entry)
        }
        kept.sort { ($0.batchIndex, $0.slot, $0.candidateID ?? 0) < ($1.batchIndex, $1.slot, $1.candidateID ?? 0) }
        for (position, entry) in kept.enumerated() where entry.ordinal != nil && entry.ordinal != position + 1 {
            renumbered.append((entry.ordinal ?? 0, position + 1))
        }
    }

    private mutating func sort(_ entry: Entry) {
        if entry.candidateID == nil {
            lost.append(entry)
        } else if !entry.intact {
            unreadable.append(entry)
        } else if entry.ordinal == nil {
            unlisted.append(entry)
            kept.append(entry)
        } else if entry.flagged {
            kept.append(entry)
        } else if entry.reasons == "[]" {
            unflagged.append(entry)
            kept.append(entry)
        } else {
            rejected.append(entry)
        }
    }

    var isClean: Bool {
        lost.isEmpty && unreadable.isEmpty && rejected.isEmpty && unflagged.isEmpty && unlisted.isEmpty && renumbered.isEmpty
    }

    /// Entries a repair takes out of the list.
    var dropped: Int { lost.count + unreadable.count + rejected.count }

    /// The ordinal an entry gets after a repair.
    func ordinal(of entry: Entry) -> Int {
        (kept.firstIndex { $0.candidateID == entry.candidateID } ?? 0) + 1
    }
}
