/// Edit distances and "did you mean" suggestions for unknown names.
public enum EditDistance {
    /// Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap neighbours),
    /// counted in characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var twoAgo = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    best = min(best, twoAgo[j - 2] + 1)
                }
                current[j] = best
            }
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
        let limit = threshold(forLength: name.count)
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = candidate.lowercased() == lowered ? 0 : Self.distance(name, candidate)
            guard distance <= limit, distance < max(name.count, candidate.count) else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.name
    }
}

/// Shorthand for `EditDistance.suggest`.
public func suggest(_ name: String, candidates: some Sequence<String>) -> String? {
    EditDistance.suggest(name, candidates: candidates)
}
