import Testing
import GenCore
import GenGeneration
import GenStore
@testable import GenRun

/// The run loop's batch steps, each on its own.
@Suite struct BatchStepTests {
    func candidate(_ arm: String, _ slot: Int, sample: Bool = true) -> Candidate {
        Candidate(arm: arm, slot: slot, targetLabel: nil, sample: sample ? .object(["text": .string("t\(slot)")]) : nil,
                  rawText: "t\(slot)", failure: sample ? nil : "unreadable", promptTokens: 3, completionTokens: 2)
    }

    @Test func theLastBatchIsCutToWhatTheTargetNeedsAtThePassRate() {
        #expect(BatchSlots.count(batchSize: 8, target: 100, accepted: 0, passed: 0, candidates: 0) == 8, "no rate yet")
        #expect(BatchSlots.count(batchSize: 8, target: 1, accepted: 0, passed: 0, candidates: 0) == 1, "--count 1 asks for one")
        #expect(BatchSlots.count(batchSize: 8, target: 5, accepted: 2, passed: 0, candidates: 16) == 3, "nothing passed yet")
        #expect(BatchSlots.count(batchSize: 8, target: 100, accepted: 98, passed: 50, candidates: 100) == 5, "2 at 50% + 1")
        #expect(BatchSlots.count(batchSize: 8, target: 12, accepted: 11, passed: 11, candidates: 11) == 2)
        #expect(BatchSlots.count(batchSize: 8, target: 100, accepted: 10, passed: 10, candidates: 10) == 8)
    }

    @Test func slotSeedsDependOnTheRunSeedBatchAndSlotOnly() {
        let first = BatchSlots.requests(count: 3, batch: 4, runSeed: 7, labels: ["a", "b", "a"])
        #expect(first == BatchSlots.requests(count: 3, batch: 4, runSeed: 7, labels: ["a", "b", "a"]))
        #expect(first.map(\.targetLabel) == ["a", "b", "a"])
        #expect(Set(first.map(\.seed)).count == 3)
        #expect(BatchSlots.requests(count: 1, batch: 5, runSeed: 7, labels: nil)[0].seed != first[0].seed)
    }

    @Test func passingCandidatesPastTheTargetAreSurplusNotFailures() {
        let candidates = [candidate("a", 0), candidate("b", 1), candidate("a", 2, sample: false), candidate("b", 3)]
        let assessments = [
            Assessment(passed: true, reasons: []), Assessment(passed: false, reasons: ["rule \"x\""]),
            Assessment(passed: false, reasons: ["unreadable"]), Assessment(passed: true, reasons: []),
        ]
        let verdicts = BatchVerdicts.decide(candidates, assessments, room: 1)
        #expect(verdicts.map(\.accepted) == [true, false, false, false])
        #expect(verdicts[1].reasons == ["rule \"x\""])
        #expect(verdicts[3].reasons == [SurplusReason.text])
        #expect(BatchVerdicts.decide(candidates, assessments, room: 5).map(\.accepted) == [true, false, false, true])
    }

    /// Before, a declared quota of 2 for a label ended with 5 of it.
    @Test func declaredQuotasAreLimits() {
        func labelled(_ slot: Int, _ label: String) -> Candidate {
            Candidate(arm: "a", slot: slot, targetLabel: nil, sample: .object(["text": .string("t\(slot)"), "label": .string(label)]),
                      rawText: "", failure: nil)
        }
        let candidates = [labelled(0, "spam"), labelled(1, "spam"), labelled(2, "ham"), labelled(3, "spam")]
        let passing = Array(repeating: Assessment(passed: true, reasons: []), count: 4)
        let verdicts = BatchVerdicts.decide(candidates, passing, room: 10, labelRoom: ["spam": 1, "ham": 3], labelField: "label")
        #expect(verdicts.map(\.accepted) == [true, false, true, false])
        #expect(verdicts[1].reasons == [SurplusReason.overQuota(label: "spam")])
        #expect(SurplusReason.isSurplus(verdicts[1].reasons), "over quota passed every check: counted as passed")
        #expect(BatchVerdicts.decide(candidates, passing, room: 10).map(\.accepted) == [true, true, true, true], "no quotas declared")
    }

    @Test func progressCountsSurplusAsPassedAndNotAsARejection() {
        var progress = RunProgress(batchIndex: 0, accepted: 0, target: 2, candidates: 0, tokens: 0, elapsedSeconds: 0,
                                   epsilon: nil, arms: [ArmProgress(name: "a"), ArmProgress(name: "b")])
        let verdicts: [BatchVerdicts.Verdict] = [
            .init(accepted: true, reasons: []), .init(accepted: false, reasons: ["too short"]),
            .init(accepted: false, reasons: [SurplusReason.text]),
        ]
        let records = zip([candidate("a", 0), candidate("b", 1), candidate("a", 2)], verdicts).map { candidate, verdict in
            CandidateRecord(candidate, Assessment(passed: verdict.accepted, reasons: verdict.reasons, quality: 0.5, novelty: 0.25),
                            verdict: verdict, reward: 0.5)
        }
        #expect(records[0].scores == ["quality": 0.5, "novelty": 0.25])
        progress.record(batch: 0, records, acceptedTotal: 1, epsilon: 0.1)
        #expect(progress.batchIndex == 1 && progress.accepted == 1 && progress.candidates == 3 && progress.tokens == 15)
        #expect(progress.arms[0].pulls == 2 && progress.arms[0].passed == 2 && progress.arms[0].accepted == 1)
        #expect(progress.arms[0].rejections.isEmpty)
        #expect(progress.arms[1].rejections == ["too short": 1] && progress.arms[1].passed == 0)
        #expect(progress.passed == 2)
    }
}
