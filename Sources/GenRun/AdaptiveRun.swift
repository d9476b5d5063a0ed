import Foundation
import GenCore
import GenGeneration
import GenPipeline
import GenRouter
import GenStore

/// The adaptive loop: batches until the target count is accepted, a budget is spent or a stop is asked.
///
/// Per batch: build the context (what is still missing) -> the router allocates slots to arms -> arms
/// generate -> quality assesses -> rewards -> one store transaction (candidates, verdicts, router state)
/// -> the router learns -> the pool grows. The store write is the commit point: a process killed
/// before it loses only that batch's unsaved candidates, and a resumed run regenerates them with the
/// same seeds; a sample is accepted exactly when its batch is written.
public actor AdaptiveRun {
    let graph: PipelineGraph
    let arms: [String: any Arm]
    let armOrder: [String]
    let quality: any QualityAssessor
    let reward: any RewardModel
    let store: RunStore
    let configuration: RunConfiguration
    let observer: (any RunObserver)?
    let stop: StopSignal
    let quotas: LabelQuotas?
    /// The policies the script was checked against: a host's own policy is built from here, as `gen check` saw it.
    let policies: PolicyRegistry
    /// The quality block's score names, in declared order (the reward's `scores` record).
    let scoreNames: [String]
    var router: Router?
    var acceptedSamples: [JSONValue] = []
    var acceptedByArm: [String: [JSONValue]] = [:]
    let evaluator: DownstreamEvaluator?
    var lastEvaluatedAt: Int?
    var labelCounts: [String: Int] = [:]
    var progress: RunProgress
    let startedAt = Date()

    public init(
        graph: PipelineGraph, arms: [String: any Arm], quality: any QualityAssessor, reward: any RewardModel,
        store: RunStore, configuration: RunConfiguration, observer: (any RunObserver)? = nil, stop: StopSignal = StopSignal(),
        policies: PolicyRegistry = .standard
    ) {
        self.graph = graph
        self.arms = arms
        self.armOrder = graph.arms.map(\.name)
        self.quality = quality
        self.reward = reward
        self.store = store
        self.configuration = configuration
        self.observer = observer
        self.stop = stop
        self.quotas = Self.quotas(for: graph.spec)
        self.policies = policies
        self.scoreNames = graph.quality.filter { $0.kind == .score }.map(\.name)
        self.evaluator = graph.evaluation.map { DownstreamEvaluator(node: $0, seed: configuration.seed) }
        self.progress = RunProgress(
            batchIndex: 0, accepted: 0, target: configuration.targetCount, candidates: 0, tokens: 0,
            elapsedSeconds: 0, epsilon: nil, arms: graph.arms.map { ArmProgress(name: $0.name) })
    }

    static func quotas(for spec: SpecNode) -> LabelQuotas? {
        guard let field = spec.labelField, let type = spec.output.field(named: field)?.type,
              case .enumeration(let labels) = type else { return nil }
        return LabelQuotas(labels: labels, shares: spec.quotas)
    }

    /// Runs (or resumes, when the store already holds batches) until the run ends.
    public func run() async throws -> RunOutcome {
        var batchIndex = try await restore()
        try await store.setStatus(.running)
        do {
            while true {
                if let end = endCondition() {
                    if progress.accepted > 0, lastEvaluatedAt != progress.accepted {
                        try await evaluate(afterBatch: batchIndex - 1)
                    }
                    try await finish(end)
                    return RunOutcome(end: end, progress: progress)
                }
                try await runBatch(index: batchIndex)
                batchIndex += 1
            }
        } catch {
            try? await store.setStatus(.failed, detail: "\(error)")
            throw error
        }
    }

    func endCondition() -> RunEnd? {
        if progress.accepted >= configuration.targetCount { return .targetReached }
        if let limit = configuration.maxCandidates, progress.candidates >= limit {
            return .budgetSpent("max_candidates \(limit) reached")
        }
        if let limit = configuration.maxTokens, progress.tokens >= limit {
            return .budgetSpent("max_tokens \(limit) reached")
        }
        if stop.isRequested { return .stopped(stop.reason ?? "stop requested") }
        return nil
    }

    func finish(_ end: RunEnd) async throws {
        switch end {
        case .targetReached: try await store.setStatus(.completed)
        case .budgetSpent(let why): try await store.setStatus(.completed, detail: why)
        case .stopped(let why): try await store.setStatus(.stopped, detail: why)
        }
    }

    /// Loads what a previous process stored: router state, accepted pool, label counts and totals.
    func restore() async throws -> Int {
        let info = try await store.resumeInfo()
        if let state = info.routerState {
            router = try Router(restoring: try RouterState(json: state), registry: policies)
        } else {
            router = try Router(
                policy: graph.router.policy, arguments: graph.router.parameters, arms: armOrder,
                rng: SeededRandom(seed: configuration.seed).derived("router"), registry: policies)
        }
        let accepted = try await store.acceptedSamples()
        acceptedSamples = accepted.map(\.sample)
        for sample in accepted { acceptedByArm[sample.arm, default: []].append(sample.sample) }
        lastEvaluatedAt = info.lastEvaluationAfterAccepted
        for sample in acceptedSamples { countLabel(of: sample) }
        await quality.commit(accepted: acceptedSamples)
        progress.accepted = info.acceptedCount
        progress.acceptedAtStart = info.acceptedCount
        progress.candidates = info.candidateCount
        progress.tokens = info.tokensUsed
        progress.batchIndex = info.nextBatchIndex
        for row in try await store.armSummaries() {
            guard let index = progress.arms.firstIndex(where: { $0.name == row.arm }) else { continue }
            progress.arms[index].pulls = row.generated
            progress.arms[index].accepted = row.accepted
            progress.arms[index].passed = row.accepted
            progress.arms[index].rewardSum = row.meanReward * Double(row.generated)
            progress.arms[index].tokens = row.tokens
        }
        return info.nextBatchIndex
    }

    /// The batch size, or fewer near the end: enough slots to reach the target at the pass rate seen so far,
    /// plus one. A full last batch for the last few samples spent tokens on candidates that passed every
    /// check and were then thrown away as over the target.
    func slotsForNextBatch() -> Int {
        let remaining = configuration.targetCount - progress.accepted
        let passed = progress.arms.reduce(0) { $0 + $1.passed }
        guard remaining > 0, progress.candidates > 0, passed > 0 else { return configuration.batchSize }
        let rate = Double(passed) / Double(progress.candidates)
        let needed = Int((Double(remaining) / rate).rounded(.up)) + 1
        return min(configuration.batchSize, max(1, needed))
    }

    func countLabel(of sample: JSONValue) {
        if let field = graph.spec.labelField, let label = sample[field]?.stringValue {
            labelCounts[label, default: 0] += 1
        }
    }

    func runBatch(index: Int) async throws {
        guard let router else { return }
        let batchStarted = Date()
        let slots = slotsForNextBatch()
        let allocation = try await router.allocate(slots: slots)
        let labels = quotas?.allocate(slots: slots, accepted: labelCounts, target: configuration.targetCount)
        let root = SeededRandom(seed: configuration.seed)
        let requests = (0..<slots).map { slot in
            var slotRandom = root.derived("batch \(index) slot \(slot)")
            return SlotRequest(slot: slot, targetLabel: labels?[slot], seed: slotRandom.next())
        }
        let candidates = try await generate(requests, allocation: allocation)
        let assessments = try await quality.assess(candidates)
        let poolMetrics = await quality.poolMetrics()
        let batchMetrics = RewardScope.batchMetrics(assessments, candidates: candidates).merging(poolMetrics) { a, _ in a }
        let scope = RewardScope(
            assessments: assessments, candidates: candidates, pool: poolMetrics, previousTokens: progress.tokens,
            previousCandidates: progress.candidates, scoreNames: scoreNames)

        var records: [CandidateRecord] = []
        var observations: [Observation] = []
        var newlyAccepted: [JSONValue] = []
        var tokens = 0
        for (candidate, assessment) in zip(candidates, assessments) {
            let value = try reward.reward(scope.inputs(candidate, assessment))
            var reasons = assessment.reasons
            var accept = assessment.passed
            if accept && progress.accepted + newlyAccepted.count >= configuration.targetCount {
                accept = false
                reasons.append(SurplusReason.text)
            }
            if accept, let sample = candidate.sample {
                newlyAccepted.append(sample)
                acceptedByArm[candidate.arm, default: []].append(sample)
            }
            let spent = candidate.tokens + assessment.judgeTokens
            tokens += spent
            observations.append(Observation(arm: candidate.arm, reward: value))
            var scores = assessment.scores
            scores["quality"] = assessment.quality
            scores["novelty"] = assessment.novelty
            records.append(CandidateRecord(
                slot: candidate.slot, arm: candidate.arm, armParameters: .object(candidate.parameters),
                sample: candidate.sample, rawText: candidate.rawText, verdict: accept ? .accepted : .rejected,
                reasons: reasons, reward: value, scores: scores, tokens: spent,
                latencySeconds: candidate.latencySeconds, checks: assessment.checks))
        }
        // Learn first, then write the state after learning: the stored state is exactly what the next
        // batch starts from, in this process or a resumed one.
        try await router.observe(observations)
        let state = await router.snapshot()
        let counts = Dictionary(allocation.map { ($0, 1) }, uniquingKeysWith: +)
        let batch = BatchRecord(
            index: index, allocation: counts, routerState: state.json, rngState: ["run_seed": configuration.seed],
            metrics: RewardScope.stored(batch: batchMetrics, arms: scope.byArm), tokens: tokens,
            startedAt: batchStarted, endedAt: Date())
        let receipt = try await store.record(batch: batch, candidates: records)

        acceptedSamples += newlyAccepted
        for sample in newlyAccepted { countLabel(of: sample) }
        await quality.commit(accepted: newlyAccepted)
        update(progress: records, index: index, acceptedTotal: receipt.acceptedTotal, tokens: tokens, epsilon: state.epsilon)
        await observer?.batchFinished(progress)
        if let every = evaluator?.node.every, every > 0,
           progress.accepted / every > (lastEvaluatedAt ?? 0) / every, progress.accepted < configuration.targetCount {
            try await evaluate(afterBatch: index)
        }
    }

    /// Trains and tests the small model on the pool, records the result, and feeds per-arm credit to the
    /// router as late pseudo-observations weighted like `weight` batches' worth of samples.
    func evaluate(afterBatch index: Int) async throws {
        // A classifier needs at least two samples; a run that stops that early has nothing to evaluate.
        guard let evaluator, let router, acceptedSamples.count >= 2 else { return }
        let result = try evaluator.evaluate(acceptedByArm: acceptedByArm)
        var credit: [String: Double] = [:]
        if let arms = result.credit {
            let weight = evaluator.node.weight * Double(configuration.batchSize)
            for (arm, value) in DownstreamEvaluator.pseudoRewards(arms) where weight > 0 && armOrder.contains(arm) {
                try await router.observe(arm: arm, reward: value, weight: weight)
            }
            credit = Dictionary(uniqueKeysWithValues: zip(arms.arms, arms.credits))
        }
        let metrics = JSONValue.object([
            "accuracy": .double(result.report.metrics.accuracy),
            "macro_f1": .double(result.report.metrics.macroF1),
            "train_count": .int(result.report.trainCount),
            "test_count": .int(result.report.testCount),
            "model": .string(result.report.model),
            "real_train_accuracy": result.report.realTrainReference.map { .double($0.metrics.accuracy) } ?? .null,
            "credit_method": result.credit.map { .string($0.method.rawValue) } ?? .null,
        ])
        let state = await router.snapshot()
        _ = try await store.record(evaluation: EvaluationRecord(
            batchIndex: max(0, index), afterAccepted: progress.accepted, protocolName: result.report.protocol.summary,
            metrics: metrics, credit: credit, routerState: state.json))
        lastEvaluatedAt = progress.accepted
        await observer?.evaluationFinished(result.report, credit: result.credit)
    }

    /// Each arm gets its slots in one call; arms run concurrently. Candidates come back in slot order.
    func generate(_ requests: [SlotRequest], allocation: [String]) async throws -> [Candidate] {
        let context = GenerationContext(
            domain: graph.spec.domain, constraints: graph.spec.constraints, schema: graph.spec.output,
            schemaName: graph.spec.outputName, labelField: graph.spec.labelField,
            seedExamples: graph.spec.examples, accepted: acceptedSamples)
        var slotsByArm: [String: [SlotRequest]] = [:]
        for (request, arm) in zip(requests, allocation) { slotsByArm[arm, default: []].append(request) }
        let arms = self.arms
        return try await withThrowingTaskGroup(of: [Candidate].self) { group in
            for (name, slots) in slotsByArm {
                guard let arm = arms[name] else { continue }
                group.addTask { try await arm.generate(slots, context: context) }
            }
            var all: [Candidate] = []
            for try await produced in group { all += produced }
            return all.sorted { $0.slot < $1.slot }
        }
    }

    func update(progress records: [CandidateRecord], index: Int, acceptedTotal: Int, tokens: Int, epsilon: Double?) {
        progress.batchIndex = index + 1
        progress.accepted = acceptedTotal
        progress.candidates += records.count
        progress.tokens += tokens
        progress.elapsedSeconds = Date().timeIntervalSince(startedAt)
        progress.epsilon = epsilon
        for record in records {
            guard let position = progress.arms.firstIndex(where: { $0.name == record.arm }) else { continue }
            progress.arms[position].pulls += 1
            progress.arms[position].rewardSum += record.reward
            progress.arms[position].tokens += record.tokens
            if record.verdict == .accepted || SurplusReason.isSurplus(record.reasons) {
                progress.arms[position].passed += 1
            }
            if record.verdict == .accepted {
                progress.arms[position].accepted += 1
            } else {
                // Surplus samples passed every check; they are not quality failures.
                for reason in record.reasons where !SurplusReason.isSurplus(reason: reason) {
                    progress.arms[position].rejections[reason, default: 0] += 1
                }
            }
        }
    }
}
