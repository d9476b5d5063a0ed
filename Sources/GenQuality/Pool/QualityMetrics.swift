/// What happened to one generated sample, kept for metrics and for recomputing rewards offline.
public struct SampleOutcome: Codable, Sendable, Equatable {
    public var id: String
    public var arm: String
    public var accepted: Bool
    /// Exact, near or semantic duplicate.
    public var duplicate: Bool
    /// Nil when the sample never reached the novelty stage (schema failure).
    public var novelty: Double?
    /// Change in the pool's Vendi score when it was accepted (0 when it was not).
    public var vendiGain: Double
    public var rejections: [Rejection]

    public init(assessment: SampleAssessment, accepted: Bool, vendiGain: Double?) {
        id = assessment.id
        arm = assessment.arm
        self.accepted = accepted
        duplicate = assessment.isDuplicate
        novelty = assessment.novelty?.novelty
        self.vendiGain = accepted ? vendiGain ?? 0 : 0
        rejections = assessment.rejections
    }
}

/// Quality figures of a batch, or of one arm's share of it: the variables of the script's reward expression.
public struct QualityMetrics: Codable, Sendable, Equatable {
    public var generated: Int
    public var accepted: Int
    public var acceptRate: Double
    /// Share of generated samples that were exact, near or semantic duplicates.
    public var dupRate: Double
    /// Mean novelty of the samples that reached the novelty stage (0 when none did).
    public var meanNovelty: Double
    /// Sum of the accepted samples' Vendi gains (may be negative: a redundant sample lowers the score).
    public var vendiGain: Double
    /// `vendiGain` per generated sample, clipped to [0, 1]: 1 when every sample added a new direction.
    public var diversityGain: Double
    /// Whole accepted set after the batch: Vendi_2, distinct-1, distinct-2.
    public var vendi: Double
    public var distinct1: Double
    public var distinct2: Double

    /// Figures of these outcomes; `diversity` is the pool's snapshot after the batch.
    public static func summarise(_ outcomes: [SampleOutcome], diversity: DiversitySnapshot) -> QualityMetrics {
        let generated = outcomes.count
        let accepted = outcomes.count(where: \.accepted)
        let novelties = outcomes.compactMap(\.novelty)
        let gain = outcomes.reduce(0) { $0 + $1.vendiGain }
        func share(_ count: Int) -> Double { generated == 0 ? 0 : Double(count) / Double(generated) }
        return QualityMetrics(
            generated: generated, accepted: accepted, acceptRate: share(accepted),
            dupRate: share(outcomes.count(where: \.duplicate)),
            meanNovelty: novelties.isEmpty ? 0 : novelties.reduce(0, +) / Double(novelties.count),
            vendiGain: gain, diversityGain: generated == 0 ? 0 : min(1, max(0, gain / Double(generated))),
            vendi: diversity.vendi, distinct1: diversity.distinct1, distinct2: diversity.distinct2)
    }

    /// Figures per arm (arms' own samples; the set-level figures are the pool's).
    public static func perArm(_ outcomes: [SampleOutcome], diversity: DiversitySnapshot) -> [String: QualityMetrics] {
        Dictionary(grouping: outcomes, by: \.arm).mapValues { summarise($0, diversity: diversity) }
    }

    /// The names the reward expression uses.
    public var variables: [String: Double] {
        [
            "accept_rate": acceptRate, "dup_rate": dupRate, "novelty": meanNovelty, "diversity_gain": diversityGain,
            "vendi": vendi, "distinct_1": distinct1, "distinct_2": distinct2,
        ]
    }
}
