import Foundation
import GenCore
import GenPipeline
import GenStore

/// Reads a run directory's store into `ReportData`. Every number in the report comes from here.
public enum RunReport {
    /// How many accepted and rejected candidates the report shows as examples.
    public static let sampleCount = 8

    /// Opens `runDirectory/run.sqlite` read-only (a running `gen run` may keep writing) and reads the whole report.
    /// `noiseEstimates` also estimates how far distinct-2 would move with other seeds (only `gen compare` shows it,
    /// and it walks every accepted text twice more).
    public static func load(runDirectory: URL, noiseEstimates: Bool = false) async throws -> ReportData {
        let store: RunStore
        do {
            store = try RunStore(opening: runDirectory, access: .readOnly)
        } catch let damage as StoreDamage {
            throw damage
        } catch {
            throw ReportError("cannot open the run in \(runDirectory.path): \(error)")
        }
        do {
            let data = try await load(store, noiseEstimates: noiseEstimates)
            await store.close()
            return data
        } catch {
            await store.close()
            throw error
        }
    }

    /// Reads the report from an open store.
    public static func load(_ store: RunStore, noiseEstimates: Bool = false) async throws -> ReportData {
        let run = try await store.info()
        let (graph, graphProblem) = decodeGraph(run.graph)
        let records = try await store.batches()
        let summaries = try await store.armSummaries()
        let labelField = graph?.spec.labelField ?? graph?.evaluation?.labelField
        let textField = graph.flatMap(Self.textField)
        let accepted = try await store.acceptedSamples()
        let batches = records.map(Self.summary)
        var arms = graph?.arms.map(\.name) ?? []
        for arm in summaries.map(\.arm) + batches.flatMap({ $0.allocation.keys.sorted() }) where !arms.contains(arm) {
            arms.append(arm)
        }
        let diversity = Self.diversity(accepted, textField: textField)
        var labels: [LabelCountRow] = []
        if let labelField { labels = try await store.labelCoverage(field: labelField) }
        var data = ReportData(
            directory: store.directory, run: run, graph: graph, graphProblem: graphProblem, arms: arms, batches: batches,
            armBatches: try await store.armBatchRows(), armSummaries: summaries, rejections: try await store.rejectionReasons(),
            stages: try await store.stageOutcomes(),
            checkMethods: try await CheckMethods.load(store, batches: records.map(\.index)), labelField: labelField,
            labels: labels,
            textField: textField, diversity: diversity, finalDiversity: diversity.last?.figures,
            evaluations: try await store.evaluations(),
            finalRouter: try await store.lastRouterState().flatMap(RouterSnapshot.init(state:)),
            acceptedCount: accepted.count, candidateCount: summaries.reduce(0) { $0 + $1.generated },
            tokens: try await store.tokensUsed(),
            acceptedSamples: Self.spread(accepted, count: sampleCount).map { Self.row($0, textField: textField, labelField: labelField) },
            rejectedSamples: try await Self.rejectedSamples(store, batches: records.map(\.index), textField: textField, labelField: labelField),
            datasetLineCount: Self.lineCount(runDirectory: store.directory))
        data.distinct2StandardError = (noiseEstimates ? textField : nil).flatMap { field in
            DistinctJackknife.distinct2StandardError(accepted.compactMap { $0.sample[field]?.stringValue.map(TextDiversity.words) })
        }
        data.textLengths = Self.lengths(accepted, textField: textField, labelField: labelField)
        data.labelExamples = Self.examplesPerLabel(accepted, textField: textField, labelField: labelField)
        data.attributes = try await store.attributeOutcomes()
        data.armLabels = try await store.armLabelOutcomes()
        data.discovered = try await store.discoveredAttributes()
        data.dollars = try await store.dollarsSpent()
        data.endpoints = try await store.endpointTraffic()
        data.demoted = try await store.demotions().map { DemotedRow($0, textField: textField) }
        return data
    }

    /// How many examples per label the report shows.
    public static let examplesPerLabel = 2

    static func lengths(_ accepted: [AcceptedSample], textField: String?, labelField: String?) -> [LabelledLength] {
        guard let textField else { return [] }
        return accepted.compactMap { sample in
            sample.sample[textField]?.stringValue.map { text in
                LabelledLength(words: text.split(whereSeparator: \.isWhitespace).count, label: labelField.flatMap { label(sample.sample[$0]) })
            }
        }
    }

    static func examplesPerLabel(_ accepted: [AcceptedSample], textField: String?, labelField: String?) -> [SampleRow] {
        guard let labelField else { return [] }
        let byLabel = Dictionary(grouping: accepted) { label($0.sample[labelField]) ?? "" }
        return byLabel.keys.sorted().flatMap { key in
            spread(byLabel[key] ?? [], count: examplesPerLabel).map { row($0, textField: textField, labelField: labelField) }
        }
    }

    /// The stored graph decoded as a `PipelineGraph`, or why it could not be.
    static func decodeGraph(_ json: JSONValue) -> (PipelineGraph?, String?) {
        if json.objectValue == nil { return (nil, "the run stored no pipeline graph") }
        do {
            return (try PipelineGraph.decode(stored: json), nil)
        } catch {
            return (nil, error.reason)
        }
    }

    /// The field whose text is measured and shown: the evaluation's text field, else `text`, else the first string field.
    static func textField(_ graph: PipelineGraph) -> String? {
        if let field = graph.evaluation?.textField { return field }
        let strings = graph.spec.output.fields.filter { if case .string = $0.type { return true } else { return false } }
        return strings.first { $0.name == "text" }?.name ?? strings.first?.name
    }

    static func summary(_ record: BatchRecord) -> BatchSummary {
        BatchSummary(
            index: record.index, allocation: record.allocation, tokens: record.tokens, startedAt: record.startedAt,
            endedAt: record.endedAt, metrics: (record.metrics.objectValue ?? [:]).compactMapValues(\.doubleValue),
            estimates: ArmEstimate.all(in: record.routerState), epsilon: record.routerState["epsilon"]?.doubleValue)
    }

    /// Distinct-n of the accepted pool after each batch that accepted something.
    static func diversity(_ accepted: [AcceptedSample], textField: String?) -> [DiversityPoint] {
        guard let textField else { return [] }
        var tracker = TextDiversity()
        var points: [DiversityPoint] = []
        for sample in accepted {
            guard let text = sample.sample[textField]?.stringValue else { continue }
            tracker.add(text)
            let point = DiversityPoint(batchIndex: sample.batchIndex, figures: tracker.figures)
            if points.last?.batchIndex == sample.batchIndex { points[points.count - 1] = point } else { points.append(point) }
        }
        return points
    }

    /// Up to `count` items evenly spread over `items`, first and last included.
    static func spread<T>(_ items: [T], count: Int) -> [T] {
        guard items.count > count, count > 1 else { return Array(items.prefix(max(0, count))) }
        return (0..<count).map { items[$0 * (items.count - 1) / (count - 1)] }
    }

    static func row(_ sample: AcceptedSample, textField: String?, labelField: String?) -> SampleRow {
        SampleRow(
            batchIndex: sample.batchIndex, arm: sample.arm, reward: sample.reward,
            text: display(sample.sample, raw: nil, textField: textField), label: labelField.flatMap { label(sample.sample[$0]) },
            reasons: [])
    }

    /// Rejected candidates from batches spread over the run, one per batch, skipping surplus samples ("over target": they passed every check).
    static func rejectedSamples(_ store: RunStore, batches: [Int], textField: String?, labelField: String?) async throws -> [SampleRow] {
        var rows: [SampleRow] = []
        for index in spread(batches, count: min(batches.count, 4 * sampleCount)) where rows.count < sampleCount {
            let rejected = try await store.candidates(batch: index).first {
                $0.record.verdict == .rejected && !SurplusReason.isSurplus($0.record.reasons)
            }
            guard let candidate = rejected?.record else { continue }
            rows.append(SampleRow(
                batchIndex: index, arm: candidate.arm, reward: candidate.reward,
                text: display(candidate.sample, raw: candidate.rawText, textField: textField),
                label: labelField.flatMap { candidate.sample?[$0] }.flatMap(label), reasons: candidate.reasons))
        }
        return rows
    }

    static func display(_ sample: JSONValue?, raw: String?, textField: String?) -> String {
        if let textField, let text = sample?[textField]?.stringValue { return text }
        if let sample { return CanonicalJSON.string(sample) }
        return raw ?? ""
    }

    static func label(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): return text
        case .none, .null: return nil
        case .some(let other): return CanonicalJSON.string(other)
        }
    }

    /// Lines in the exported dataset, or nil when there is none.
    static func lineCount(runDirectory: URL) -> Int? {
        guard let data = FileManager.default.contents(atPath: runDirectory.appendingPathComponent("dataset.jsonl").path) else {
            return nil
        }
        return data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
