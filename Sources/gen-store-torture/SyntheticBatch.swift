import Foundation
import GenCore
import GenStore

/// A fake router whose whole state is counters, so a resumed process can prove it restored the right one.
struct TortureRouterState: Codable, Equatable {
    var batches: Int
    var accepted: Int
    var rewardSum: Double
}

/// Builds batch `index` from the seeded generator: 8 candidates over three arms, about 60% accepted, some
/// rejected ones unparsable, each with three checks. Same generator state, same batch, in any process.
enum SyntheticBatch {
    static let arms = ["conservative", "balanced", "creative"]
    static let labels = ["lost_card", "transfer_failed", "check_balance"]
    static let size = 8

    static func make(index: Int, random: inout SeededRandom) -> [CandidateRecord] {
        (0..<size).map { slot in
            let draw = random.next()
            let arm = arms[Int(draw % 3)]
            let accepted = (draw >> 8) % 10 < 6
            let reward = Double((draw >> 16) % 1000) / 1000
            let sample: JSONValue = .object([
                "text": .string("batch \(index) slot \(slot): message \(String(draw, radix: 36))"),
                "label": .string(labels[Int((draw >> 24) % 3)]),
            ])
            let unparsable = !accepted && (draw >> 32) % 4 == 0
            let checks = [
                CheckRecord(stage: "schema", kind: "rule", passed: !unparsable),
                CheckRecord(stage: "on topic", kind: "score", passed: true, score: reward, cached: slot % 2 == 0),
                CheckRecord(stage: "dedup", kind: "dedup", passed: accepted, detail: .object(["nearest": .double(reward / 2)])),
            ]
            return CandidateRecord(
                slot: slot, arm: arm, armParameters: .object(["temperature": .double(0.3 + Double(draw % 3) * 0.4)]),
                sample: unparsable ? nil : sample, rawText: unparsable ? "not json \(draw)" : nil,
                verdict: accepted ? .accepted : .rejected, reasons: accepted ? [] : [unparsable ? "schema" : "dedup"],
                reward: accepted ? reward : 0, scores: ["quality": reward, "novelty": 1 - reward], tokens: Int(draw % 200),
                latencySeconds: 0.01, checks: checks)
        }
    }
}
