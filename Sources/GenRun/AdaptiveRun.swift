import Foundation
import GenCore
import GenEval
import GenGeneration
import GenPipeline
import GenProviders
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
    /// Replaced once before the first batch by arms that draw from their discovered attribute values.
    var arms: [String: any Arm]
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
    /// Server failures and stalls, watched batch by batch.
    var guards: RunGuards
    /// How the run must end, found after a committed batch (a stall).
    var pendingEnd: RunEnd?
    var acceptedSamples: [JSONValue] = []
    /// Parallel to `acceptedSamples`: which candidate each one is, so the noise filter can demote it.
    var acceptedOrigins: [AcceptedOrigin] = []
    let classifiers: ClassifierRegistry
    let evaluator: DownstreamEvaluator?
    var lastEvaluatedAt: Int?
    var labelCounts: [String: Int] = [:]
    var progress: RunProgress
    let startedAt = Date()
    /// The model clients that count their servers' traffic, by model name, and what of it the store already holds.
    let trafficSources: [String: any TrafficReporting]
    var trafficWritten: [String: EndpointTraffic] = [:]

    public init(
        graph: PipelineGraph, arms: [String: any Arm], quality: any QualityAssessor, reward: any RewardModel,
        store: RunStore, configuration: RunConfiguration, observer: (any RunObserver)? = nil, stop: StopSignal = StopSignal(),
        policies: PolicyRegistry = .standard, classifiers: ClassifierRegistry = .standard,
        traffic: [String: any TrafficReporting] = [:]
    ) {
        self.trafficSources = traffic
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
        self.guards = configuration.guards.map { RunGuards(stallWindow: $0.stallWindow, maxConsecutiveRequestFailures: $0.maxConsecutiveRequestFailures) }
            ?? .defaults(batchSize: configuration.batchSize)
        self.policies = policies
        self.scoreNames = graph.scoreNames
        self.classifiers = classifiers
        self.evaluator = graph.evaluation.map { DownstreamEvaluator(node: $0, seed: configuration.seed, classifiers: classifiers) }
        self.progress = RunProgress(
            batchIndex: 0, accepted: 0, target: configuration.targetCount, candidates: 0, tokens: 0,
            elapsedSeconds: 0, epsilon: nil, arms: graph.arms.map { ArmProgress(name: $0.name) })
        self.progress.unpricedModels = graph.unpricedModels
    }

    static func quotas(for spec: SpecNode) -> LabelQuotas? {
        guard let field = spec.labelField, let type = spec.output.field(named: field)?.type,
              case .enumeration(let labels) = type else { return nil }
        return LabelQuotas(labels: labels, shares: spec.quotas)
    }

    /// Runs (or resumes, when the store already holds batches) until the run ends.
    ///
    /// With `pipelineDepth` D, up to D batches are generating at once: batch i is planned (slots, labels, the
    /// router's allocation) from the state after batch i-D was committed, and batches are assessed and committed
    /// strictly in order. So the outcome depends on the seed and D, never on timing; D = 1 is one batch at a time.
    /// When the run ends, batches still generating are cancelled and never stored, as if the process had been
    /// killed there: a resumed run makes them again.
    public func run() async throws -> RunOutcome {
        // Discovery first: its stored tokens are part of the totals `restore` reads.
        do {
            try await discoverAttributes()
        } catch LLMError.batchWaitStopped where stop.isRequested {
            _ = try await restore()
            return try await stoppedWaitingOnBatch()
        } catch {
            try? await store.setStatus(.failed, detail: "\(error)")
            throw error
        }
        var nextToCommit = try await restore()
        var nextToPlan = nextToCommit
        var inFlight: [InFlightBatch] = []
        defer { for batch in inFlight { batch.generation.cancel() } }
        try await store.setStatus(.running)
        do {
            while true {
                if let end = endCondition() {
                    for batch in inFlight { batch.generation.cancel() }
                    inFlight = []
                    nextToPlan = nextToCommit
                    if progress.accepted > 0, lastEvaluatedAt != progress.accepted {
                        // Demote only when replacements can follow: a run ending short would just lose samples.
                        try await evaluate(afterBatch: nextToCommit - 1, filterNoise: end == .targetReached)
                        if endCondition() == nil { continue }  // demoted: generate the replacements
                    }
                    try await finish(end)
                    return RunOutcome(end: end, progress: progress)
                }
                while inFlight.count < configuration.pipelineDepth, let batch = try await launch(index: nextToPlan, after: inFlight) {
                    inFlight.append(batch)
                    nextToPlan += 1
                }
                guard !inFlight.isEmpty else { throw RunInvariantError("no batch could be planned") }
                let oldest = inFlight.removeFirst()
                try await commit(oldest, candidates: try await oldest.generation.value)
                nextToCommit += 1
            }
        } catch LLMError.batchWaitStopped where stop.isRequested {
            return try await stoppedWaitingOnBatch()
        } catch {
            // A run that fails (a server gone) still leaves the servers' traffic that tells why.
            try? await store.recordTraffic(await trafficChanges().changes)
            try? await store.setStatus(.failed, detail: "\(error)")
            throw error
        }
    }

    /// Stopped while a batch-mode model waited on the server: nothing of the batch in flight is written, and its
    /// journaled lines let `--resume` collect it instead of paying for it again.
    func stoppedWaitingOnBatch() async throws -> RunOutcome {
        let end = RunEnd.stopped(stop.reason ?? "stop requested")
        try await finish(end)
        return RunOutcome(end: end, progress: progress)
    }

    func endCondition() -> RunEnd? {
        if progress.accepted >= configuration.targetCount { return .targetReached }
        if let limit = configuration.maxCandidates, progress.candidates >= limit {
            return .budgetSpent("max_candidates \(limit) reached")
        }
        if let limit = configuration.maxTokens, progress.tokens >= limit {
            return .budgetSpent("max_tokens \(limit) reached")
        }
        if let limit = configuration.maxDollars, let spent = progress.dollars, spent >= limit {
            return .budgetSpent("max_dollars \(DollarText.limit(limit)) reached")
        }
        if stop.isRequested { return .stopped(stop.reason ?? "stop requested") }
        return pendingEnd
    }

    func finish(_ end: RunEnd) async throws {
        let (changes, seen) = await trafficChanges()
        try await store.recordTraffic(changes)
        trafficWritten = seen
        if !trafficSources.isEmpty { progress.endpoints = try await store.endpointTraffic() }
        switch end {
        case .targetReached: try await store.setStatus(.completed)
        // Short of the target is never "completed": the store, the summary and the card say it stopped, and why.
        case .budgetSpent(let why): try await store.setStatus(.stopped, detail: "budget spent: " + why)
        case .stopped(let why): try await store.setStatus(.stopped, detail: why)
        case .stalled(let why): try await store.setStatus(.stopped, detail: "stalled: " + why)
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
        acceptedOrigins = accepted.map { AcceptedOrigin(batchIndex: $0.batchIndex, slot: $0.slot, arm: $0.arm) }
        lastEvaluatedAt = info.lastEvaluationAfterAccepted
        for sample in acceptedSamples { countLabel(of: sample) }
        // Demoted samples stay in the dedup pool, as in the session that demoted them: the same text is not made again.
        await quality.commit(accepted: acceptedSamples + (info.demotedCount > 0 ? try await store.demotions().map(\.sample) : []))
        progress.demoted = info.demotedCount
        progress.accepted = info.acceptedCount
        progress.acceptedAtStart = info.acceptedCount
        progress.candidates = info.candidateCount
        progress.tokens = info.tokensUsed
        progress.dollars = info.dollarsSpent
        progress.batchIndex = info.nextBatchIndex
        progress.endpoints = try await store.endpointTraffic()
        for row in try await store.armSummaries() {
            guard let index = progress.arms.firstIndex(where: { $0.name == row.arm }) else { continue }
            progress.arms[index].pulls = row.generated
            progress.arms[index].accepted = row.accepted
            progress.arms[index].passed = row.passed
            progress.arms[index].rewardSum = row.meanReward * Double(row.generated)
            progress.arms[index].tokens = row.tokens
            progress.arms[index].dollars = row.dollars
        }
        // The same rejection counts as the session that wrote them, so a resumed summary agrees with the first.
        for row in try await store.rejectionReasons() where !SurplusReason.isSurplus(reason: row.reason) {
            guard let index = progress.arms.firstIndex(where: { $0.name == row.arm }) else { continue }
            progress.arms[index].rejections[row.reason, default: 0] += row.count
        }
        return info.nextBatchIndex
    }

    func countLabel(of sample: JSONValue, by change: Int = 1) {
        if let field = graph.spec.labelField, let label = sample[field]?.stringValue {
            labelCounts[label, default: 0] += change
        }
    }

    /// A batch planned and sent: what it asked for, and the task generating its candidates.
    struct InFlightBatch {
        let index: Int
        let slots: Int
        let labels: [String]?
        let allocation: [String]
        let started: Date
        let generation: Task<[Candidate], any Error>
    }

    /// Plans batch `index` from the committed state and starts generating it: slots and their labels -> the router's
    /// allocation (given each slot's label) -> the arms' requests. With batches already in flight (`after`), their
    /// slots count as candidates to come at the pass rate seen so far, so the pipeline does not ask for samples
    /// those batches should bring, nor start a batch a budget cannot pay for; nil then means "wait for a commit".
    /// Everything here is a function of committed figures and planned counts, never of timing.
    func launch(index: Int, after inFlight: [InFlightBatch]) async throws -> InFlightBatch? {
        guard let router else { return nil }
        let pendingSlots = inFlight.reduce(0) { $0 + $1.slots }
        if pendingSlots > 0, !budgetAllows(pendingSlots: pendingSlots) { return nil }
        let slots = BatchSlots.count(
            batchSize: configuration.batchSize, target: configuration.targetCount, accepted: progress.accepted,
            passed: progress.passed, candidates: progress.candidates, pending: pendingSlots)
        guard slots > 0 else { return nil }
        // Labels first: the router chooses each slot's arm knowing the label it is asked for.
        let labels = quotas?.allocate(slots: slots, accepted: expectedLabelCounts(after: inFlight), target: configuration.targetCount)
        let allocation = try await router.allocate(
            contexts: labels?.count == slots ? labels ?? [] : Array(repeating: nil, count: max(0, slots)))
        let requests = BatchSlots.requests(count: slots, batch: index, runSeed: configuration.seed, labels: labels)
        let context = generationContext()
        let arms = self.arms
        // Pools serve the oldest batch's requests first, so batches complete in the order they commit.
        let generation = Task {
            try await RequestPriority.$batch.withValue(index) {
                try await Self.generate(requests, allocation: allocation, arms: arms, context: context)
            }
        }
        return InFlightBatch(index: index, slots: slots, labels: labels, allocation: allocation, started: Date(), generation: generation)
    }

    /// Whether the batches in flight leave room in the budgets, their slots counted at the run's mean tokens and
    /// dollars per candidate (committed batches alone end the run: see `endCondition`).
    func budgetAllows(pendingSlots: Int) -> Bool {
        let committed = progress.candidates
        if let limit = configuration.maxCandidates, committed + pendingSlots >= limit { return false }
        guard committed > 0 else { return true }
        let share = Double(committed + pendingSlots) / Double(committed)
        if let limit = configuration.maxTokens, Double(progress.tokens) * share >= Double(limit) { return false }
        if let limit = configuration.maxDollars, let spent = progress.dollars, spent * share >= limit { return false }
        return true
    }

    /// The label counts quotas plan from: the accepted ones, plus the labels batches in flight asked for, each
    /// counted at the pass rate seen so far (before any is known, as passing).
    func expectedLabelCounts(after inFlight: [InFlightBatch]) -> [String: Int] {
        guard !inFlight.isEmpty else { return labelCounts }
        let rate = progress.candidates > 0 && progress.passed > 0 ? Double(progress.passed) / Double(progress.candidates) : 1
        var asked: [String: Int] = [:]
        for label in inFlight.flatMap({ $0.labels ?? [] }) { asked[label, default: 0] += 1 }
        var counts = labelCounts
        for (label, count) in asked { counts[label, default: 0] += Int((Double(count) * rate).rounded()) }
        return counts
    }

    /// Assesses a generated batch against the pool as committed so far -> rewards and verdicts -> the router
    /// learns -> one store transaction -> the pool, the counts and the progress move on.
    func commit(_ batch: InFlightBatch, candidates: [Candidate]) async throws {
        guard let router else { return }
        let index = batch.index
        let allocation = batch.allocation
        let batchStarted = batch.started
        let assessments = try await quality.assess(candidates)
        let poolMetrics = await quality.poolMetrics()
        let scope = RewardScope(
            assessments: assessments, candidates: candidates, pool: poolMetrics, previousTokens: progress.tokens - progress.discoveryTokens,
            previousCandidates: progress.candidates, scoreNames: scoreNames)
        let labelRoom = graph.spec.quotasDeclared == true
            ? quotas?.deficits(accepted: labelCounts, target: configuration.targetCount) : nil
        let verdicts = BatchVerdicts.decide(
            candidates, assessments, room: configuration.targetCount - progress.accepted, labelRoom: labelRoom,
            labelField: graph.spec.labelField)
        var records: [CandidateRecord] = []
        for (position, (candidate, assessment)) in zip(candidates, assessments).enumerated() {
            let reward = try reward.reward(scope.inputs(candidate, assessment))
            var record = CandidateRecord(
                candidate, assessment, verdict: verdicts[position], reward: reward, price: graph.price(ofArm: candidate.arm))
            if !store.redactor.isEmpty { record.reasons = record.reasons.map(store.redactor.redact) }
            records.append(record)
        }
        // Learn first, then write the state after learning: the stored state is exactly what the next
        // batch starts from, in this process or a resumed one.
        try await router.observe(zip(candidates, records).map { candidate, record in
            Observation(arm: record.arm, reward: record.reward, context: candidate.targetLabel)
        })
        let state = await router.snapshot()
        // Rewards saw the pool before the batch; the stored figures are the pool after it, so a run's first
        // batch does not show Vendi 0 for the samples it has just accepted.
        let newlyAccepted = records.filter { $0.verdict == .accepted }.compactMap { record in
            record.sample.map { (AcceptedOrigin(batchIndex: index, slot: record.slot, arm: record.arm), $0) }
        }
        await quality.commit(accepted: newlyAccepted.map(\.1))
        let poolAfter = await quality.poolMetrics()
        let batchMetrics = RewardScope.batchMetrics(assessments, candidates: candidates).merging(poolAfter) { a, _ in a }
        let batch = BatchRecord(
            index: index, allocation: Dictionary(allocation.map { ($0, 1) }, uniquingKeysWith: +), routerState: state.json,
            rngState: ["run_seed": configuration.seed], metrics: RewardScope.stored(batch: batchMetrics, arms: scope.byArm),
            tokens: records.reduce(0) { $0 + $1.tokens }, startedAt: batchStarted, endedAt: Date())
        let (traffic, seen) = await trafficChanges()
        let receipt = try await store.record(batch: batch, candidates: records, traffic: traffic)
        trafficWritten = seen
        if !trafficSources.isEmpty { progress.endpoints = try await store.endpointTraffic() }

        for (origin, sample) in newlyAccepted {
            acceptedSamples.append(sample)
            acceptedOrigins.append(origin)
            countLabel(of: sample)
        }
        progress.record(batch: index, records, acceptedTotal: receipt.acceptedTotal, epsilon: state.epsilon)
        let deficits = quotas?.deficits(accepted: labelCounts, target: configuration.targetCount) ?? [:]
        pendingEnd = try guards.observe(candidates, records) { (deficits[$0] ?? 0) > 0 }
        progress.elapsedSeconds = Date().timeIntervalSince(startedAt)
        await observer?.batchFinished(progress)
        if let every = evaluator?.node.every, every > 0,
           progress.accepted / every > (lastEvaluatedAt ?? 0) / every, progress.accepted < configuration.targetCount {
            try await evaluate(afterBatch: index, filterNoise: true)
        }
    }

    /// Trains and tests the small model on the pool, records the result, and feeds per-arm credit to the
    /// router as late pseudo-observations weighted like `weight` batches' worth of samples. With `noise_filter`
    /// (and `filterNoise`), demotes likely-mislabelled samples in the same store transaction.
    func evaluate(afterBatch index: Int, filterNoise: Bool) async throws {
        // A classifier needs at least two samples; a run that stops that early has nothing to evaluate.
        guard let evaluator, let router, acceptedSamples.count >= 2 else { return }
        var byArm: [String: [JSONValue]] = [:]
        for (origin, sample) in zip(acceptedOrigins, acceptedSamples) { byArm[origin.arm, default: []].append(sample) }
        let result = try evaluator.evaluate(acceptedByArm: byArm)
        var credit: [String: Double] = [:]
        if let arms = result.credit {
            let weight = evaluator.node.weight * Double(configuration.batchSize)
            for (arm, value) in DownstreamEvaluator.pseudoRewards(arms) where weight > 0 && armOrder.contains(arm) {
                try await router.observe(arm: arm, reward: value, weight: weight)
            }
            credit = Dictionary(uniqueKeysWithValues: zip(arms.arms, arms.credits))
        }
        var metrics: [String: JSONValue] = [
            "accuracy": .double(result.report.metrics.accuracy),
            "macro_f1": .double(result.report.metrics.macroF1),
            "majority_baseline": .double(result.report.metrics.majorityBaseline.accuracy),
            "train_count": .int(result.report.trainCount),
            "test_count": .int(result.report.testCount),
            "model": .string(result.report.model),
            "real_train_accuracy": result.report.realTrainReference.map { .double($0.metrics.accuracy) } ?? .null,
            "credit_method": result.credit.map { .string($0.method.rawValue) } ?? .null,
        ]
        var noise: NoisePass?
        if filterNoise, let filter = evaluator.node.noiseFilter {
            noise = try NoisePass(
                pool: acceptedSamples, origins: acceptedOrigins, node: evaluator.node, filter: filter,
                budget: filter.budget(target: configuration.targetCount) - progress.demoted, seed: configuration.seed,
                classifiers: classifiers)
            // A mislabelled sample was a bad pull after all: its arm (in its label's context) learns so late, with reward 0.
            metrics["noise_filter"] = noise?.summary
            try await router.observe((noise?.demotions ?? []).map { Observation(arm: $0.arm, reward: 0, context: $0.label) })
        }
        let state = await router.snapshot()
        _ = try await store.record(evaluation: EvaluationRecord(
            batchIndex: max(0, index), afterAccepted: progress.accepted, protocolName: result.report.protocol.summary,
            metrics: .object(metrics), credit: credit, routerState: state.json),
            demotions: noise?.demotions ?? [])
        lastEvaluatedAt = progress.accepted
        if let noise { forget(demoted: noise) }
        await observer?.evaluationFinished(result.report, credit: result.credit)
    }

    /// Takes committed demotions out of the pool, the label counts and the totals, as a resumed run would read them.
    func forget(demoted noise: NoisePass) {
        for position in noise.positions.sorted(by: >) {
            let origin = acceptedOrigins.remove(at: position)
            countLabel(of: acceptedSamples.remove(at: position), by: -1)
            guard let arm = progress.arms.firstIndex(where: { $0.name == origin.arm }) else { continue }
            progress.arms[arm].accepted -= 1
            progress.arms[arm].rejections[DemotionReason.prefix, default: 0] += 1
        }
        progress.accepted -= noise.positions.count
        progress.demoted += noise.positions.count
    }

    /// What the arms see of the run when a batch is planned (few-shot arms draw from the pool accepted so far).
    func generationContext() -> GenerationContext {
        GenerationContext(
            domain: graph.spec.domain, constraints: graph.spec.constraints, schema: graph.spec.output,
            schemaName: graph.spec.outputName, labelField: graph.spec.labelField,
            seedExamples: graph.spec.examples, accepted: acceptedSamples)
    }

    /// Each arm gets its slots in one call; arms run concurrently. Candidates come back in slot order.
    static func generate(
        _ requests: [SlotRequest], allocation: [String], arms: [String: any Arm], context: GenerationContext
    ) async throws -> [Candidate] {
        var slotsByArm: [String: [SlotRequest]] = [:]
        for (request, arm) in zip(requests, allocation) { slotsByArm[arm, default: []].append(request) }
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
}

/// A state the run loop should never reach; a bug, reported rather than looped on.
struct RunInvariantError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "internal error: " + description }
}
