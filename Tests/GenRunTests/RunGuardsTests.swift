import Testing
import GenCore
import GenGeneration
import GenStore
@testable import GenRun

/// A run never loops forever: a failing server stops it, and so does a run or label that makes no progress.
@Suite struct RunGuardsTests {
    func batch(_ count: Int, accepted: Int = 0, requestFailed: Bool = false, label: String? = nil,
               reason: String = "rule \"x\"") -> ([Candidate], [CandidateRecord]) {
        let candidates = (0..<count).map { slot -> Candidate in
            var candidate = Candidate(arm: "a", slot: slot, targetLabel: label, sample: nil, rawText: "",
                                      failure: requestFailed ? "generation failed: HTTP 500" : nil)
            candidate.requestFailed = requestFailed
            return candidate
        }
        let records = candidates.enumerated().map { index, candidate in
            CandidateRecord(candidate, Assessment(passed: index < accepted, reasons: index < accepted ? [] : [reason]),
                            verdict: .init(accepted: index < accepted, reasons: index < accepted ? [] : [reason]), reward: 0)
        }
        return (candidates, records)
    }

    @Test func aServerThatFailsEveryRequestStopsTheRun() throws {
        var guards = RunGuards(stallWindow: 1000, maxConsecutiveRequestFailures: 10)
        let (candidates, records) = batch(8, requestFailed: true)
        #expect(try guards.observe(candidates, records) { _ in true } == nil)
        #expect(throws: RunHalt.serverFailing(requests: 10, last: "generation failed: HTTP 500")) {
            try guards.observe(candidates, records) { _ in true }
        }
    }

    @Test func oneAnsweredRequestResetsTheFailureCount() throws {
        var guards = RunGuards(stallWindow: 1000, maxConsecutiveRequestFailures: 10)
        let failing = batch(8, requestFailed: true), answered = batch(1)
        for _ in 0..<5 {
            _ = try guards.observe(failing.0, failing.1) { _ in true }
            _ = try guards.observe(answered.0, answered.1) { _ in true }
        }
        #expect(guards.consecutiveRequestFailures == 0)
    }

    @Test func aRunThatAcceptsNothingStallsAndSaysWhy() throws {
        var guards = RunGuards(stallWindow: 20, maxConsecutiveRequestFailures: 100)
        let (candidates, records) = batch(8, reason: "rule \"too long\"")
        #expect(try guards.observe(candidates, records) { _ in true } == nil)
        #expect(try guards.observe(candidates, records) { _ in true } == nil)
        let end = try guards.observe(candidates, records) { _ in true }
        #expect(end == .stalled("no sample accepted in the last 24 candidates; top reasons: rule \"too long\" (24x)"))
    }

    @Test func acceptanceResetsTheStallWindow() throws {
        var guards = RunGuards(stallWindow: 20, maxConsecutiveRequestFailures: 100)
        let rejected = batch(8), someAccepted = batch(8, accepted: 1)
        for _ in 0..<10 {
            #expect(try guards.observe(rejected.0, rejected.1) { _ in true } == nil)
            #expect(try guards.observe(someAccepted.0, someAccepted.1) { _ in true } == nil)
        }
    }

    @Test func aLabelThatCannotProgressIsNamedWhileItStillNeedsSamples() throws {
        var guards = RunGuards(stallWindow: 10, maxConsecutiveRequestFailures: 100)
        let spam = batch(4, label: "spam", reason: "schema: label")
        let ham = batch(4, accepted: 4, label: "ham")
        _ = try guards.observe(spam.0, spam.1) { _ in true }
        _ = try guards.observe(ham.0, ham.1) { _ in true }
        #expect(try guards.observe(spam.0, spam.1) { _ in false } == nil, "a label whose quota is met does not stall")
        let end = try guards.observe(spam.0, spam.1) { $0 == "spam" }
        #expect(end == .stalled("label `spam` cannot progress: none of the last 12 candidates asked for it was accepted; "
                                + "top reasons: schema: label (12x)"))
    }

    @Test func theDefaultBudgetIsBounded() {
        #expect(RunConfiguration.defaultCandidateBudget(target: 6) == 200)
        #expect(RunConfiguration.defaultCandidateBudget(target: 400) == 8000)
        #expect(RunGuards.defaults(batchSize: 8).stallWindow == 100)
        #expect(RunGuards.defaults(batchSize: 64).stallWindow == 640)
    }
}
