import GenCore

/// "did you mean `x`?" for command, flag and choice names, using GenCore's one edit-distance suggester.
public enum DidYouMean {
    /// The hint, or nil when no candidate is close enough to be a likely typo.
    public static func hint(_ word: String, among candidates: [String], prefix: String = "") -> String? {
        suggest(word, candidates: candidates).map { "did you mean `\(prefix)\($0)`?" }
    }
}
