import Foundation
import GenChecks
import GenCore
import GenEval
import GenProviders
import GenRun

/// `gen-bench checks REAL.jsonl`: do the label checks carry signal? For real rows, each check scores the
/// text with its true label and with a wrong one (drawn with a seed); the AUC is the chance that the true
/// label scores higher (0.5 is no signal). `label_fits` (calibrated, every label competing) beside
/// `entails` (P(yes) for one statement).
enum CheckBenchmark {
    struct Scores {
        var truePairs: [Double] = []
        var wrongPairs: [Double] = []
        var tokens = 0
        var calls = 0
    }

    static func run(
        data: String, domain: String, hypothesis: String, count: Int, client: any LLMClient, model: String, log: (String) -> Void
    ) async throws -> String {
        let rows = try LabeledTextLoader.read(path: data).samples
        let labels = Array(Set(rows.map(\.label))).sorted()
        guard labels.count >= 2 else { throw CheckBenchmarkError("\(data) needs at least two labels") }
        let picked = stride(from: 0, to: rows.count, by: max(1, rows.count / max(1, count))).prefix(count).map { rows[$0] }
        let checkModel = CheckModel(name: "judge", client: client, model: model)
        let cache = InMemoryCheckCache()
        var rng = SeededRandom(seed: 7)
        var fits = Scores(), entails = Scores()
        for (position, row) in picked.enumerated() {
            let others = labels.filter { $0 != row.label }
            let wrong = others[rng.nextIndex(others.count)]
            for (label, isTrue) in [(row.label, true), (wrong, false)] {
                let fit = try await LabelAgreementCheck().score(
                    text: row.text, label: label, labels: labels, domain: domain, model: checkModel, cache: cache)
                let entailment = try await EntailmentCheck().score(
                    premise: row.text, hypothesis: hypothesis.replacingOccurrences(of: "{label}", with: label), model: checkModel, cache: cache)
                record(fit, isTrue: isTrue, into: &fits)
                record(entailment, isTrue: isTrue, into: &entails)
            }
            if (position + 1) % 20 == 0 { log("\(position + 1) of \(picked.count) rows\n") }
        }
        var text = "gen-bench checks \(data): \(picked.count) real rows, \(labels.count) labels, each scored with its true label and a wrong one\n"
        text += TextTable.render(header: ["check", "AUC", "mean (true)", "mean (wrong)", "tokens per call"], rows: [
            row("label_fits", fits), row("entails", entails),
        ]) + "\n"
        return text
    }

    static func record(_ outcome: ModelCheckOutcome, isTrue: Bool, into scores: inout Scores) {
        if isTrue { scores.truePairs.append(outcome.score) } else { scores.wrongPairs.append(outcome.score) }
        if !outcome.cached { scores.tokens += outcome.tokens; scores.calls += 1 }
    }

    static func row(_ name: String, _ scores: Scores) -> [String] {
        let mean = BenchStatistics.mean
        return [name, NumberText.fixed(AUC.value(positives: scores.truePairs, negatives: scores.wrongPairs), 3),
                NumberText.fixed(mean(scores.truePairs), 3), NumberText.fixed(mean(scores.wrongPairs), 3),
                NumberText.fixed(scores.calls > 0 ? Double(scores.tokens) / Double(scores.calls) : 0, 1)]
    }
}

struct CheckBenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
