/// Edit distances and "did you mean" suggestions for unknown names.
public enum EditDistance {
    /// Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap neighbours),
    /// counted in characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b), limit: Int.max - 1)
    }

    /// The distance, or any value above `limit` once every alignment costs more (rows are abandoned as
    /// soon as their smallest entry exceeds it: "did you mean" only cares about small distances).
    static func distance(_ x: [Character], _ y: [Character], limit: Int) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var twoAgo = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowBest = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = min(best, twoAgo[j - 2] + 1)
                }
                current[j] = best
                rowBest = min(rowBest, best)
            }
            // A transposition reads two rows back, so only give up when this row and the last both exceed it.
            if rowBest > limit && (previous.min() ?? 0) > limit { return limit + 1 }
            (twoAgo, previous, current) = (previous, current, twoAgo)
        }
        return previous[y.count]
    }

    /// The largest distance still worth suggesting for a name of this length: about one edit per three
    /// characters, at least one, at most three (short names would otherwise match almost anything).
    public static func threshold(forLength length: Int) -> Int {
        min(3, max(1, length / 3))
    }

    /// The candidate closest to `name`, if close enough to be a plausible typo; ties go to the earliest candidate.
    /// A case-only difference always qualifies. The name itself is never suggested.
    public static func suggest(_ name: String, candidates: some Sequence<String>) -> String? {
        let characters = Array(name)
        let limit = threshold(forLength: characters.count)
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            // Cheap rejections first: a file with thousands of unknown names checks each against every name.
            let length = candidate.count
            guard abs(length - characters.count) <= limit else { continue }
            let distance = length == characters.count && candidate.lowercased() == lowered
                ? 0 : Self.distance(characters, Array(candidate), limit: min(limit, (best?.distance ?? limit + 1) - 1))
            guard distance <= limit, distance < max(characters.count, length) else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.name
    }
}

/// Shorthand for `EditDistance.suggest`.
public func suggest(_ name: String, candidates: some Sequence<String>) -> String? {
    EditDistance.suggest(name, candidates: candidates)
}
