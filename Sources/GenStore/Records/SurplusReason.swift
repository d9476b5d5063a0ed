/// The one reason a candidate that passed every check is not kept: the target was already reached. Such
/// candidates are stored as rejected (they are not in the dataset) but are not quality failures, so the
/// summary, `gen inspect` and the report set them apart.
public enum SurplusReason {
    /// What every surplus reason starts with.
    public static let prefix = "over target"
    public static let text = prefix + " (passed every check)"

    /// A sample that passed every check but whose label already has its quota.
    public static func overQuota(label: String) -> String {
        prefix + " for label `\(label)` (passed every check)"
    }

    /// Whether a rejected candidate's reasons say only that it was over the target.
    public static func isSurplus(_ reasons: [String]) -> Bool {
        reasons.allSatisfy(isSurplus(reason:))
    }

    /// Whether one reason is the over-target one.
    public static func isSurplus(reason: String) -> Bool {
        reason.hasPrefix(prefix)
    }
}
