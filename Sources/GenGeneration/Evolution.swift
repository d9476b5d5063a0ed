import GenCore

/// `evolve(model, mutation: "...")`: instead of writing from scratch, take an existing sample (one accepted in
/// this run, or a seed example) and ask for a changed one along a declared mutation: "harder to classify",
/// "another topic", or, with `label: "other"`, a minimal edit to the slot's label (contrastive pairs).
/// Evol-Instruct style; the source is drawn from the slot's seed, and recorded with the candidate.
public struct Evolution: Sendable, Equatable {
    public enum Source: String, Sendable, CaseIterable { case accepted, seeds }
    public enum LabelMode: String, Sendable, CaseIterable { case same, other }

    public var mutation: String
    public var source: Source
    public var label: LabelMode

    /// Recorded sources are cut to this many characters.
    static let recordedLength = 500

    /// The sample to change for this slot: with `label: same` one of the slot's label when there is one, with
    /// `other` one of another label; nil when the pool has none yet (the arm then writes from scratch).
    func pick(context: GenerationContext, targetLabel: String?, rng: inout SeededRandom) -> JSONValue? {
        let pool = source == .accepted && !context.accepted.isEmpty ? context.accepted : context.seedExamples
        guard !pool.isEmpty else { return nil }
        var candidates = pool
        if let field = context.labelField, let targetLabel {
            let matching = pool.filter { ($0[field]?.stringValue == targetLabel) == (label == .same) }
            if !matching.isEmpty { candidates = matching }
        }
        return candidates[rng.nextIndex(candidates.count)]
    }

    /// The ask that replaces "Write one new sample": the source sample and the change wanted.
    func instruction(original: JSONValue, context: GenerationContext, targetLabel: String?) -> String {
        var lines = ["Here is an existing sample:", CanonicalJSON.string(original), ""]
        if let targetLabel, let field = context.labelField {
            lines.append(label == .other
                ? "Change it as little as possible so that its \(field) becomes \"\(targetLabel)\", and set \(field) to \"\(targetLabel)\"."
                : "Rewrite it: \(mutation). Its \(field) stays \"\(targetLabel)\".")
        } else {
            lines.append("Rewrite it: \(mutation).")
        }
        lines.append("Reply with the new sample only; it must not repeat the original.")
        return lines.joined(separator: "\n")
    }

    public static func problems(source: String?, label: String?) -> [String] {
        var problems: [String] = []
        if let source, Source(rawValue: source) == nil {
            problems.append("`from` is \"\(source)\"; it must be one of " + Source.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        if let label, LabelMode(rawValue: label) == nil {
            problems.append("`label` is \"\(label)\"; it must be one of " + LabelMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        return problems
    }
}
