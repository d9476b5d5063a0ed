import Foundation
import GenCore
@testable import GenStore

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init(_ label: String = #function) throws {
        let name = "genstore-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString.prefix(8))"
        url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    func child(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Records for tests, built so every field differs from its default and round trips can catch a dropped column.
enum Fixtures {
    static let noSecrets = StoreOptions(redactor: SecretRedactor(secrets: [:]))

    static func newRun(seed: UInt64 = 0xFFFF_FFFF_FFFF_FFF1) -> NewRun {
        NewRun(
            scriptPath: "examples/bank.gen", scriptSHA256: SHA256.hex("script"), seed: seed,
            graph: .object(["models": .array([.object(["apiKeyEnv": .string("OPENAI_API_KEY")])]), "count": .int(400)]),
            targetCount: 400, startedAt: Date(timeIntervalSince1970: 1_700_000_000.25))
    }

    static func batch(_ index: Int, router: JSONValue = .object(["epsilon": .double(0.25)])) -> BatchRecord {
        BatchRecord(
            index: index, allocation: ["conservative": 1, "creative": 2], routerState: router,
            rngState: ["router": UInt64.max - UInt64(index), "arms": 17],
            metrics: .object(["epsilon": .double(0.3 / Double(index + 1)), "diversity": .object(["vendi": .double(2.5)])]),
            tokens: 1234 + index, startedAt: Date(timeIntervalSince1970: 1_700_000_100.5),
            endedAt: Date(timeIntervalSince1970: 1_700_000_102.75))
    }

    static func accepted(slot: Int, arm: String = "creative", text: String, label: String = "lost_card", reward: Double = 0.75) -> CandidateRecord {
        CandidateRecord(
            slot: slot, arm: arm, armParameters: .object(["temperature": .double(1.1), "top_p": .double(0.95)]),
            sample: .object(["text": .string(text), "label": .string(label)]), rawText: "{\"text\": \"\(text)\"}",
            verdict: .accepted, reasons: [], reward: reward, scores: ["quality": 0.8, "novelty": 0.625], tokens: 42,
            latencySeconds: 1.5,
            checks: [
                CheckRecord(stage: "schema", kind: "rule", passed: true),
                CheckRecord(stage: "on topic", kind: "score", passed: true, score: 0.875, cached: true,
                            detail: .object(["judge": .string("yes"), "logprob": .double(-0.125)])),
            ])
    }

    static func rejected(slot: Int, arm: String = "conservative", reasons: [String] = ["dedup near"], raw: String? = nil) -> CandidateRecord {
        CandidateRecord(
            slot: slot, arm: arm, armParameters: .object(["temperature": .double(0.3)]),
            sample: raw == nil ? .object(["text": .string("dup \(slot)"), "label": .string("check_balance")]) : nil,
            rawText: raw, verdict: .rejected, reasons: reasons, reward: 0, scores: ["quality": 0.5], tokens: 7,
            latencySeconds: 0.25, checks: [CheckRecord(stage: reasons.first ?? "schema", kind: "dedup", passed: false, score: 0.97)])
    }
}
