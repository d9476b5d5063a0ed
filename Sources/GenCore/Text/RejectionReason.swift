/// How long a rejection reason may be. Reasons are shown, stored and grouped, and hostile output reaches them
/// (one carried 20,000 characters of a model's output; a field name of 60,000 underscores another).
public enum RejectionReason {
    /// Characters a reason keeps, its ellipsis and `suffix` included.
    public static let maxLength = 300

    /// `text` cut to fit with "…", then `suffix` (a hint that must survive the cut, "the model hit max_tokens").
    public static func capped(_ text: String, suffix: String = "") -> String {
        guard text.count + suffix.count > maxLength else { return text + suffix }
        return String(text.prefix(max(0, maxLength - suffix.count - 1))) + "…" + suffix
    }
}
