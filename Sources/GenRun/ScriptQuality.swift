import Foundation
import GenCore
import GenGeneration
import GenPipeline
import GenQuality
import GenRuntime
import GenStore

/// The script's `quality { }` block over a run's accepted pool.
///
/// Order: the output schema (always a gate: a sample of the wrong shape is unusable), then the script's
/// stages as declared, cheap ones in process; stages that need a model run last and only for samples that
/// passed everything else, so a rejected sample never costs a judge call. Every stage's outcome is
/// recorded for every candidate it reached.
public actor ScriptQuality: QualityAssessor {
    var pool: QualityPool
    let plan: QualityStagePlan
    let interpreter: Interpreter
    let checker: (any ModelChecker)?
    let inProcess: InProcessCheckRegistry
    /// A host's dedup and diversity methods, each with its state over the accepted pool.
    var hostGates: HostGates
    /// Whether a sample of this run has been through the model stages: until then the first goes alone (below).
    var modelStagesStarted = false
    let gateRegistry: PoolGateRegistry
    let graph: PipelineGraph
    let spec: SpecNode
    /// Whether a batch's samples are prepared on every core (the default); off, on one thread, with the same results.
    let parallelPreparation: Bool

    /// - Parameter inProcess: the checks computed in process (`valid` and the host's), from the same capabilities
    ///   the script was checked against; every other hoisted check goes to `checker`.
    public init(
        graph: PipelineGraph, interpreter: Interpreter, checker: (any ModelChecker)?, inProcess: InProcessCheckRegistry = .standard,
        gates: PoolGateRegistry = PoolGateRegistry(), parallel: Bool = true
    ) throws {
        self.parallelPreparation = parallel
        self.plan = try QualityStagePlan(graph: graph, interpreter: interpreter, inProcess: inProcess)
        self.pool = try Self.emptyPool(spec: graph.spec, plan: plan)
        self.interpreter = interpreter
        self.checker = checker
        self.inProcess = inProcess
        self.hostGates = try HostGates(graph: graph, registry: gates)
        self.gateRegistry = gates
        self.graph = graph
        self.spec = graph.spec
    }

    /// The pool a run starts from: the script's dedup thresholds, calibrated on the spec's examples.
    static func emptyPool(spec: SpecNode, plan: QualityStagePlan) throws -> QualityPool {
        var pool = try QualityPool(schema: spec.output, config: plan.qualityConfig)
        try pool.calibrate(seeds: spec.examples)
        pool.addReferences(spec.examples)
        return pool
    }

    public func assess(_ candidates: [Candidate]) async throws -> [Assessment] {
        var results: [Assessment] = []
        var prepared: [Int: PreparedSample] = [:]
        var passing: [PreparedSample] = []
        var deferred: [(index: Int, sample: JSONValue)] = []
        // Validation, fingerprints and vectors depend on the pool as committed and the sample alone: made on every
        // core, then judged in slot order against the pool and the batch's earlier samples, as one thread would.
        let features = Self.prepare(candidates, pool: pool, parallel: parallelPreparation)
        for (position, candidate) in candidates.enumerated() {
            guard let sample = candidate.sample, let sampleFeatures = features[position] else {
                results.append(Assessment(
                    passed: false, reasons: [candidate.failure ?? "no sample"],
                    // The raw text is the candidate's own (stored once, bounded); the check keeps why it did not parse.
                    checks: [CheckRecord(stage: "parse", kind: CheckRecord.parseKind, passed: false, detail: .string(candidate.failure ?? "no sample"))],
                    quality: 0, novelty: 0))
                continue
            }
            prepared[results.count] = sampleFeatures
            let inProcess = pool.assess(sampleFeatures, pending: passing)
            var assessment = gates(inProcess, prepared: sampleFeatures)
            // The dataset keeps the validated sample: undeclared fields stripped, as the schema says.
            assessment.cleanedSample = sampleFeatures.schema.cleaned
            if assessment.passed {
                Self.apply(hostGates, text: sampleFeatures.text, pending: passing.map(\.text), into: &assessment)
            }
            if assessment.passed {
                try evaluateCheapStages(sample: sample, into: &assessment, schemaValid: sampleFeatures.schema.isValid)
            }
            if assessment.passed {
                passing.append(sampleFeatures)
                if plan.stages.contains(where: \.needsModel) { deferred.append((results.count, sample)) }
            }
            results.append(assessment)
        }
        try await runModelStages(deferred, into: &results)
        for index in results.indices {
            finishQuality(&results[index])
            if results[index].passed, let sample = prepared[index] { results[index].diversityGain = pool.diversityGain(sample) }
        }
        return results
    }

    /// Prepares the batch's readable candidates against `pool` (nil for the unreadable ones), in slot order; with
    /// `parallel` and at least `parallelThreshold` of them, on every core. The features are the same either way.
    static func prepare(_ candidates: [Candidate], pool: QualityPool, parallel: Bool) -> [PreparedSample?] {
        // Ids appear in duplicate reasons: "duplicate of `slot 3 of this batch`" or "of `accepted #12`".
        let inputs = candidates.map { candidate in
            candidate.sample.map { QualityCandidate(id: "slot \(candidate.slot) of this batch", arm: candidate.arm, sample: $0) }
        }
        guard parallel, inputs.count >= parallelThreshold, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return inputs.map { $0.map(pool.prepare) }
        }
        let slots = ResultSlots<PreparedSample>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            if let input = inputs[index] { slots.set(index, pool.prepare(input)) }
        }
        return slots.collect()
    }

    /// Fewer candidates than this are prepared on one thread: spreading them costs more than it saves.
    static let parallelThreshold = 16

    /// One sample through every stage that needs no model, against the pool as it was before the run
    /// accepted anything (calibrated on the spec's examples): what the REPL's `:assess` shows while a rule is
    /// being written. Returns the verdict and the names of the model-backed stages that were not run.
    public nonisolated func assessInProcess(_ sample: JSONValue) throws -> (assessment: Assessment, skipped: [String]) {
        // Built here rather than kept: a run would otherwise carry a second pool only the REPL uses.
        let empty = try Self.emptyPool(spec: spec, plan: plan)
        let prepared = empty.prepare(QualityCandidate(id: "the sample", arm: "", sample: sample))
        var assessment = gates(empty.assess(prepared), prepared: prepared)
        if assessment.passed {
            Self.apply(try HostGates(graph: graph, registry: gateRegistry), text: prepared.text, pending: [], into: &assessment)
        }
        if assessment.passed {
            try evaluateCheapStages(sample: sample, into: &assessment, schemaValid: prepared.schema.isValid)
        }
        finishQuality(&assessment)
        return (assessment, plan.stages.filter(\.needsModel).map(\.name))
    }

    /// Schema, dedup and novelty outcomes from the pool, as the script declared them.
    nonisolated func gates(_ verdict: SampleAssessment, prepared: PreparedSample) -> Assessment {
        var assessment = Assessment(passed: true, reasons: [], quality: 1, novelty: verdict.novelty?.novelty ?? 1)
        let schemaIssues = verdict.rejections.filter { $0.stage == .schema }
        assessment.checks.append(CheckRecord(
            stage: "schema", kind: CheckRecord.schemaKind, passed: schemaIssues.isEmpty, detail: Self.detail(schemaIssues)))
        if let first = schemaIssues.first { reject(&assessment, "schema: \(first.reason)") }
        guard schemaIssues.isEmpty else { return assessment }

        if let method = plan.dedupMethod {
            let duplicate = verdict.dedup.flatMap { $0.isDuplicate ? $0.reason : nil }
            let semantic = method == .semantic ? verdict.novelty.flatMap { $0.isSemanticDuplicate ? $0.reason : nil } : nil
            let reason = duplicate ?? semantic
            assessment.checks.append(CheckRecord(
                stage: "dedup \(method.rawValue)", kind: CheckRecord.dedupKind, passed: reason == nil, detail: reason.map(JSONValue.string) ?? .null))
            if let reason { reject(&assessment, "duplicate: \(reason)") }
        }
        if let minimum = plan.minimumNovelty {
            let novelty = verdict.novelty?.novelty ?? 1
            let enough = novelty >= minimum
            assessment.checks.append(CheckRecord(stage: "novelty", kind: CheckRecord.diversityKind, passed: enough, score: novelty))
            if !enough { reject(&assessment, "novelty \(Self.fixed(novelty)) below \(Self.fixed(minimum))") }
        }
        return assessment
    }

    /// The schema issues a check keeps: the first `maxIssuesKept`, each capped, and how many more there were (a list of
    /// 15,000 items of the wrong type is 15,000 issues: 500 KB in the store for one candidate).
    static let maxIssuesKept = 20

    static func detail(_ issues: [Rejection]) -> JSONValue {
        guard !issues.isEmpty else { return .null }
        var kept = issues.prefix(maxIssuesKept).map { JSONValue.string(RejectionReason.capped($0.description)) }
        if issues.count > maxIssuesKept { kept.append(.string("… and \(issues.count - maxIssuesKept) more")) }
        return .array(kept)
    }

    /// Rules and scores that need no model, in declared order; the first failing rule stops the sample.
    nonisolated func evaluateCheapStages(sample: JSONValue, into assessment: inout Assessment, schemaValid: Bool) throws {
        let binding = sampleValue(sample)
        let context = InProcessCheckContext(spec: spec, sample: sample, schemaValid: schemaValid)
        for compiled in plan.stages where !compiled.needsModel {
            var values: [Value] = []
            for (check, arguments) in zip(compiled.stage.modelChecks, compiled.checkArguments) {
                guard let implementation = inProcess.check(named: check.check) else { continue }
                values.append(try inProcessValue(implementation, check, stage: compiled.name, arguments: arguments,
                                                 binding: binding, context: context, into: &assessment))
            }
            try apply(compiled, binding: binding, checkResults: values, into: &assessment)
            if !assessment.passed { return }
        }
    }

    /// One in-process check's value; numeric results are recorded like a model check's, with method "in process"
    /// (a bool such as `valid` is a gate its rule records).
    nonisolated func inProcessValue(
        _ implementation: any InProcessCheck, _ check: ModelCheckNode, stage: String, arguments: [CompiledExpression],
        binding: Value, context: InProcessCheckContext, into assessment: inout Assessment
    ) throws -> Value {
        let inputs = try arguments.map { try interpreter.evaluate($0, bindings: [binding]) }
        let value = try implementation.evaluate(inputs, context: context)
        if let score = value.numberValue {
            assessment.checks.append(CheckRecord(
                stage: "\(stage): \(check.check)", kind: check.check, passed: true, score: score,
                detail: .object(["method": .string(QualityCheckSpec.Execution.inProcess.rawValue)])))
        }
        return value
    }

    /// Model-backed stages for the survivors, samples concurrently, stages in order within a sample.
    ///
    /// The run's very first sample goes alone: the values every sample shares (the domain's embedding, a
    /// label check's content-free prior) are cached as it fills them, so it pays for them, whatever answers
    /// first. Run concurrently, whichever sample got there first paid, and a replay charged another arm.
    func runModelStages(_ deferred: [(index: Int, sample: JSONValue)], into results: inout [Assessment]) async throws {
        guard !deferred.isEmpty else { return }
        let stages = plan.stages.filter(\.needsModel)
        var rest = deferred[...]
        if !modelStagesStarted, let first = rest.popFirst() {
            modelStagesStarted = true
            results[first.index] = try await modelStages(stages, sample: first.sample, start: results[first.index])
        }
        let updates = try await withThrowingTaskGroup(of: (Int, Assessment).self) { group in
            for (index, sample) in rest {
                let start = results[index]
                group.addTask { (index, try await self.modelStages(stages, sample: sample, start: start)) }
            }
            var collected: [(Int, Assessment)] = []
            for try await update in group { collected.append(update) }
            return collected
        }
        for (index, assessment) in updates { results[index] = assessment }
    }

    func modelStages(_ stages: [CompiledStage], sample: JSONValue, start: Assessment) async throws -> Assessment {
        var assessment = start
        let binding = sampleValue(sample)
        // Model stages only see samples that passed the schema gate.
        let context = InProcessCheckContext(spec: spec, sample: sample, schemaValid: true)
        for compiled in stages {
            var values: [Value] = []
            for (check, arguments) in zip(compiled.stage.modelChecks, compiled.checkArguments) {
                if let implementation = inProcess.check(named: check.check) {
                    values.append(try inProcessValue(implementation, check, stage: compiled.name, arguments: arguments,
                                                     binding: binding, context: context, into: &assessment))
                    continue
                }
                guard let checker else { throw ScriptQualityError.noModelChecker(check.check) }
                let inputs = try arguments.map { try interpreter.evaluate($0, bindings: [binding]) }
                let outcome = try await checker.run(check, arguments: inputs, context: ModelCheckContext(spec: spec, sample: sample))
                assessment.judgeTokens += outcome.tokens
                assessment.judgeDollars = ModelPrice.adding(
                    assessment.judgeDollars, graph.price(of: check.model),
                    prompt: outcome.tokens - outcome.completionTokens, completion: outcome.completionTokens)
                assessment.checks.append(CheckRecord(
                    stage: "\(compiled.name): \(check.check)", kind: check.check, passed: true, score: outcome.score,
                    cached: outcome.cached, detail: .object(["method": .string(outcome.method), "detail": outcome.detail])))
                values.append(.float(outcome.score))
            }
            try apply(compiled, binding: binding, checkResults: values, into: &assessment)
            if !assessment.passed { break }
        }
        return assessment
    }

    /// Evaluates one rule or score with its check results and records the outcome. An evaluation error caused
    /// by this sample (an index out of range, a division by zero, an overflow) rejects the sample with the error
    /// as its reason: it stopped the whole run before, and every resume again, so the run could never finish.
    nonisolated func apply(_ compiled: CompiledStage, binding: Value, checkResults: [Value], into assessment: inout Assessment) throws {
        do {
            try evaluate(compiled, binding: binding, checkResults: checkResults, into: &assessment)
        } catch let error as RuntimeError {
            let kind = compiled.score == nil ? CheckRecord.ruleKind : CheckRecord.scoreKind
            assessment.checks.append(CheckRecord(stage: compiled.name, kind: kind, passed: false, detail: .string(error.message)))
            reject(&assessment, "\(kind) \"\(compiled.name)\" failed on this sample: \(error.message)")
        }
    }

    nonisolated func evaluate(_ compiled: CompiledStage, binding: Value, checkResults: [Value], into assessment: inout Assessment) throws {
        let name = compiled.name
        guard let score = compiled.score else {
            let kept = try interpreter.evaluateRule(compiled.expression, bindings: [binding], modelCheckResults: checkResults)
            assessment.checks.append(CheckRecord(stage: name, kind: CheckRecord.ruleKind, passed: kept))
            if !kept { reject(&assessment, "rule \"\(name)\"") }
            return
        }
        let value = try interpreter.evaluateScore(compiled.expression, bindings: [binding], modelCheckResults: checkResults).value
        assessment.scores[name] = value
        let below = score.threshold.map { value < $0 } ?? false
        assessment.checks.append(CheckRecord(stage: name, kind: CheckRecord.scoreKind, passed: !below, score: value))
        if below, let threshold = score.threshold {
            reject(&assessment, "score \"\(name)\" \(Self.fixed(value)) below \(Self.fixed(threshold))")
        }
    }

    /// The sample as scripts see it: absent optional fields read as `none`, so `sample.note == none` works.
    nonisolated func sampleValue(_ sample: JSONValue) -> Value {
        guard var members = sample.objectValue else { return Value(json: sample) }
        for field in spec.output.fields where field.isOptional && members[field.name] == nil {
            members[field.name] = JSONValue.null
        }
        return Value(json: .object(members))
    }

    /// quality = the weighted mean of the scores the sample got (1 when the script declares none).
    nonisolated func finishQuality(_ assessment: inout Assessment) {
        let weighted = plan.stages.compactMap { stage -> (Double, Double)? in
            guard let score = stage.score else { return nil }
            return assessment.scores[stage.name].map { ($0, score.weight) }
        }
        let totalWeight = weighted.reduce(0) { $0 + $1.1 }
        if totalWeight > 0 {
            assessment.quality = weighted.reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        } else if !weighted.isEmpty {
            assessment.quality = weighted.reduce(0) { $0 + $1.0 } / Double(weighted.count)
        } else if !assessment.passed && assessment.checks.isEmpty {
            assessment.quality = 0
        }
    }

    /// Reasons quote the sample (values, field names, runtime errors): each is capped at `RejectionReason.maxLength`.
    nonisolated func reject(_ assessment: inout Assessment, _ reason: String) {
        assessment.passed = false
        assessment.reasons.append(RejectionReason.capped(reason))
    }

    public func commit(accepted: [JSONValue]) async {
        for sample in accepted {
            // Prepared once (validation, fingerprint, vectors) for the pool and the host's gates alike.
            let prepared = pool.prepare(QualityCandidate(id: "accepted #\(pool.count + 1)", arm: "", sample: sample))
            if !hostGates.entries.isEmpty { hostGates.accept(prepared.text) }
            pool.accept(prepared)
        }
    }

    /// A host's dedup and diversity gates, in declared order; the first that rejects stops the sample.
    static func apply(_ gates: HostGates, text: String, pending: [String], into assessment: inout Assessment) {
        for (entry, reason) in gates.verdict(text, pending: pending) {
            let kind = entry.kind == .dedup ? CheckRecord.dedupKind : CheckRecord.diversityKind
            assessment.checks.append(CheckRecord(
                stage: "\(entry.kind.rawValue) \(entry.name)", kind: kind, passed: reason == nil, detail: reason.map(JSONValue.string) ?? .null))
            if let reason {
                assessment.passed = false
                assessment.reasons.append(RejectionReason.capped((entry.kind == .dedup ? "duplicate: " : "diversity: ") + reason))
            }
        }
    }

    public func poolMetrics() async -> MetricValues {
        let snapshot = pool.diversitySnapshot
        return [.vendi: snapshot.vendi, .distinct1: snapshot.distinct1, .distinct2: snapshot.distinct2, .poolSize: Double(pool.count)]
    }

    static func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// One result per index, written from several threads at distinct indices, then collected once they are done.
final class ResultSlots<Element: Sendable>: @unchecked Sendable {
    // Each index is written by one iteration only, and read after `concurrentPerform` returns.
    private let buffer: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: Element) { buffer[index] = value }

    func collect() -> [Element?] { Array(buffer) }
}

public enum ScriptQualityError: Error, CustomStringConvertible {
    case noModelChecker(String)

    public var description: String {
        switch self {
        case .noModelChecker(let check): return "the quality block uses `\(check)` but no model checker is configured"
        }
    }
}
