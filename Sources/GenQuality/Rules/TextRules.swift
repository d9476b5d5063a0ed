/// Small text checks for rule builtins (`len(text) <= 240`, `matches(text, "...")`), with the same
/// semantics the schema validator uses.
public enum TextRules {
    /// Length in characters (grapheme clusters): "café" is 4, an emoji with a skin tone is 1.
    public static func length(_ text: String) -> Int {
        text.count
    }

    /// Words as the dedup stages see them (letter and digit runs after normalisation).
    public static func wordCount(_ text: String) -> Int {
        TextNormalizer.normalize(text).wordCount
    }

    /// Whether the pattern occurs anywhere in the text (compiled once per pattern).
    public static func matches(_ text: String, pattern: String) throws -> Bool {
        try TextPattern.cached(pattern).occurs(in: text)
    }

    /// Whether the whole text matches the pattern.
    public static func matchesWhole(_ text: String, pattern: String) throws -> Bool {
        try TextPattern.cached(pattern).matchesWhole(text)
    }

    /// Why the length is outside [min, max], or nil when it is within (either bound may be absent).
    public static func lengthProblem(_ text: String, min: Int?, max: Int?) -> String? {
        let count = length(text)
        if let min, count < min { return "\(count) characters, fewer than the minimum \(min)" }
        if let max, count > max { return "\(count) characters, more than the maximum \(max)" }
        return nil
    }
}
