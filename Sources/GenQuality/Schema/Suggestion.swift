import GenCore

/// "Did you mean" for enum values and field names.
enum Suggestion {
    /// The candidate the value most plausibly meant: one equal after ignoring case, spaces, `-` and `_`
    /// ("lost card" -> `lost_card`), else the closest by edit distance within about a third of its length
    /// (none for values under three characters, where one edit reaches almost anything).
    static func closest(to value: String, among candidates: [String]) -> String? {
        let folded = fold(value)
        if let same = candidates.first(where: { fold($0) == folded }) { return same }
        let limit = value.count < 3 ? 0 : Swift.min(3, Swift.max(1, value.count / 3))
        let scored = candidates.map { (candidate: $0, distance: EditDistance.distance(value.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.candidate
    }

    private static func fold(_ text: String) -> String {
        String(text.lowercased().filter { !" -_".contains($0) })
    }
}
