import GenCore
import GenStore

/// How each model-backed check was actually computed: embeddings or the lexical fallback for similarity,
/// logprobs or the text answer for entailment. The report says so because the two are not comparable.
public struct CheckMethodRow: Sendable, Equatable {
    public var stage: String
    public var kind: String
    public var method: String
    public var count: Int
}

enum CheckMethods {
    static func load(_ store: RunStore, batches: [Int]) async throws -> [CheckMethodRow] {
        var counts: [String: CheckMethodRow] = [:]
        var order: [String] = []
        for batch in batches {
            for candidate in try await store.candidates(batch: batch) {
                for check in candidate.record.checks {
                    guard let method = check.method else { continue }
                    let key = check.stage + "\u{1F}" + method
                    if counts[key] == nil {
                        counts[key] = CheckMethodRow(stage: check.stage, kind: check.kind, method: method, count: 0)
                        order.append(key)
                    }
                    counts[key]?.count += 1
                }
            }
        }
        return order.compactMap { counts[$0] }
    }
}
