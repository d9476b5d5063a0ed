import Testing
import GenCore
import GenGeneration
import GenPipeline
import GenRuntime
import GenStore
@testable import GenRun

@Suite struct RewardScopeTests {
    func candidate(_ arm: String, slot: Int, tokens: Int) -> Candidate {
        Candidate(arm: arm, slot: slot, targetLabel: nil, sample: .object(["text": .string("x")]), rawText: "x", failure: nil,
                  promptTokens: tokens, completionTokens: 0)
    }

    /// The checker accepts every name in `RewardMetric.table`; the run must bind each of them for every sample.
    @Test func everyMetricTheCheckerAcceptsHasAValue() {
        let candidates = [candidate("a", slot: 0, tokens: 10), candidate("b", slot: 1, tokens: 30)]
        let assessments = [
            Assessment(passed: true, reasons: [], quality: 0.5, novelty: 0.25, scores: ["fits": 0.75]),
            Assessment(passed: false, reasons: ["rule"], checks: [CheckRecord(stage: "dedup near", kind: CheckRecord.dedupKind, passed: false)]),
        ]
        let scope = RewardScope(
            assessments: assessments, candidates: candidates, pool: [.vendi: 3, .distinct1: 0.5, .distinct2: 0.7, .poolSize: 4],
            previousTokens: 0, previousCandidates: 0, scoreNames: ["fits", "polite"])
        let first = scope.inputs(candidates[0], assessments[0])
        let second = scope.inputs(candidates[1], assessments[1])
        #expect(first.missing.isEmpty && second.missing.isEmpty)
        #expect(first.scores == ["fits": 0.75, "polite": 0])
        #expect(first[.passed] == 1 && second[.passed] == 0)
        // Each sample sees its own arm's batch figures, and the pool's.
        #expect(first[.acceptRate] == 1 && second[.acceptRate] == 0 && second[.dupRate] == 1)
        #expect(first[.relativeCost] == 0.5 && second[.relativeCost] == 1.5)
        #expect(first[.vendi] == 3 && second[.poolSize] == 4)
    }

    @Test func theTableNamesEveryCaseOnceWithAScope() {
        let names = RewardMetric.table.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(!names.contains(RewardMetric.scoresName))
        #expect(Set(RewardMetric.table.map(\.scope)) == Set(RewardMetricSpec.Scope.allCases))
    }
}

@Suite struct QualityStagePlanTests {
    func graph(_ stages: [QualityStage]) -> PipelineGraph {
        var graph = RunFixtures.graph()
        graph.quality = stages
        return graph
    }

    func dedup(_ method: DedupMethod, _ threshold: Double?) -> QualityStage {
        .dedup(method, threshold: threshold, source: .synthesized)
    }

    /// Before, `dedup semantic(t)` was lowered and then ignored: the pool used a fixed 0.95.
    @Test func semanticDedupUsesTheScriptsThreshold() throws {
        let plan = try QualityStagePlan(
            graph: graph([dedup(.semantic, 0.8)]), interpreter: try Interpreter(), inProcess: .standard)
        #expect(plan.qualityConfig.novelty.duplicateCosine == 0.8)
        #expect(plan.dedupMethod == .semantic)
    }

    @Test func nearDedupUsesTheScriptsThresholdAndExactMeansOne() throws {
        let near = try QualityStagePlan(graph: graph([dedup(.near, 0.6)]), interpreter: try Interpreter(), inProcess: .standard)
        #expect(near.qualityConfig.dedup.nearThreshold == 0.6)
        let exact = try QualityStagePlan(graph: graph([dedup(.exact, nil)]), interpreter: try Interpreter(), inProcess: .standard)
        #expect(exact.qualityConfig.dedup.nearThreshold == 1)
    }
}
