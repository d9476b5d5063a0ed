import GenGeneration
import GenPipeline
import GenStore

/// Which of a batch's candidates are accepted: those that passed every check, in slot order, while the target
/// (and, for declared quotas, the sample's label) has room; a passing candidate past either is rejected as
/// surplus (it passed, and is counted as such).
enum BatchVerdicts {
    struct Verdict: Equatable {
        var accepted: Bool
        var reasons: [String]
    }

    /// - Parameters:
    ///   - room: samples the target still needs before this batch.
    ///   - labelRoom: for declared quotas, samples each label still needs (nil: labels are not limited).
    ///   - labelField: the field holding a sample's label.
    static func decide(
        _ candidates: [Candidate], _ assessments: [Assessment], room: Int, labelRoom: [String: Int]? = nil, labelField: String? = nil
    ) -> [Verdict] {
        var left = room
        var labelsLeft = labelRoom
        return zip(candidates, assessments).map { candidate, assessment in
            guard assessment.passed, let sample = candidate.sample else {
                return Verdict(accepted: false, reasons: assessment.reasons)
            }
            guard left > 0 else { return Verdict(accepted: false, reasons: assessment.reasons + [SurplusReason.text]) }
            if let field = labelField, let label = sample[field]?.stringValue, let wanted = labelsLeft?[label] {
                guard wanted > 0 else {
                    return Verdict(accepted: false, reasons: assessment.reasons + [SurplusReason.overQuota(label: label)])
                }
                labelsLeft?[label] = wanted - 1
            }
            left -= 1
            return Verdict(accepted: true, reasons: assessment.reasons)
        }
    }
}

extension CandidateRecord {
    /// What the store keeps of one candidate: its sample or raw text, verdict, reasons, reward, every score
    /// (the weighted `quality` and `novelty` beside the script's own) and every check.
    /// - Parameter price: the price of the model the candidate's arm generates with (nil: none declared).
    init(_ candidate: Candidate, _ assessment: Assessment, verdict: BatchVerdicts.Verdict, reward: Double, price: ModelPrice? = nil) {
        var scores = assessment.scores
        scores[RewardMetric.quality.name] = assessment.quality
        scores[RewardMetric.novelty.name] = assessment.novelty
        // The label the slot asked for is kept with the call's parameters, so outcomes per arm and label can be
        // shown (what a contextual router learns from); the sample's own label may differ.
        var parameters = candidate.parameters
        if let label = candidate.targetLabel { parameters["asked_label"] = .string(label) }
        self.init(
            slot: candidate.slot, arm: candidate.arm, armParameters: .object(parameters),
            sample: assessment.cleanedSample ?? candidate.sample, rawText: candidate.rawText, verdict: verdict.accepted ? .accepted : .rejected,
            reasons: verdict.reasons, reward: reward, scores: scores, tokens: candidate.tokens + assessment.judgeTokens,
            latencySeconds: candidate.latencySeconds, checks: assessment.checks, promptTokens: candidate.promptTokens,
            completionTokens: candidate.completionTokens,
            dollars: ModelPrice.adding(assessment.judgeDollars, price, prompt: candidate.promptTokens, completion: candidate.completionTokens))
    }
}
