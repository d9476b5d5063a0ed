/// `evaluate { noise_filter: ... }`: at each evaluation, confident learning over the accepted pool with the
/// evaluate block's classifier; likely-mislabelled samples are demoted and the run makes replacements.
public struct NoiseFilterNode: Codable, Sendable, Equatable {
    /// Cross-validation folds for the out-of-fold probabilities (2...20).
    public var folds: Int
    /// The most the whole run may demote, as a share of the target count, in (0, 1]: bounds the replacements,
    /// so the run always ends.
    public var maxShare: Double

    /// `noise_filter: true`. A tenth of the target: enough for the label noise LLM writers usually show, and
    /// a filter that wants more is more likely flagging a hard class than noise.
    public static let defaults = NoiseFilterNode(folds: 5, maxShare: 0.1)

    public init(folds: Int, maxShare: Double) {
        self.folds = folds
        self.maxShare = maxShare
    }

    /// How many samples a run with this target may demote in all.
    public func budget(target: Int) -> Int {
        max(0, Int((maxShare * Double(target) + 1e-9).rounded(.down)))
    }
}
