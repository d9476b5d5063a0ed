import GenQuality
import GenPipeline
import Foundation
import GenCore
import GenPipeline

/// Throughput of the in-process quality stages on synthetic support messages, at several pool sizes.
///
/// The pool grows through the public API (`QualityPool.assessBatch` in batches of 8, then `accept`). When it
/// reaches each size, it processes min(window, size) fresh candidates twice: once through the pool API
/// (samples/s), once stage by stage on its components (microseconds per stage); both accept what passes, so
/// the pool grows a little during the measurement (never copied: a copy's first mutation would copy every
/// array). "growth samples/s" is the rate of the whole growth from the previous size to this one, with every
/// rehash, re-centring and array doubling amortised (a window may or may not contain one). Nearest-neighbour recall of the LSH search is measured against an exhaustive scan of the pool.
/// Rates use thread CPU time (the machine may be shared); per-stage figures use the monotonic clock with
/// descheduled intervals left out (see `StageTimes`).
public enum QualityBenchmark {
    /// What to measure; the defaults are the pool sizes and the production search settings.
    public struct Options: Sendable {
        public var poolSizes = [1_000, 10_000, 100_000]
        public var window = 4_000
        /// Queries for the recall figures (each scans the whole pool); 0 leaves them out.
        public var recallQueries = 300
        public var seed: UInt64 = 7
        public var search = NearestNeighbourSearch()

        public init() {}
    }

    public static func run(options: Options = Options()) throws -> String {
        let (poolSizes, window, recallQueries, seed, search) =
            (options.poolSizes, options.window, options.recallQueries, options.seed, options.search)
        let schema = OutputSchema(fields: [
            SchemaField(name: "text", type: .string(minLength: 12, maxLength: 400)),
            SchemaField(name: "label", type: .enumeration(
                ["lost_card", "transfer_failed", "check_balance", "dispute_charge", "account_help"])),
        ])
        var pool = try QualityPool(schema: schema, config: QualityConfig(search: search, seed: seed))
        var messages = SyntheticMessages(random: SeededRandom(seed: seed).derived("messages"))
        var serial = 0
        func nextBatch(_ size: Int) -> [QualityCandidate] {
            (0..<size).map { _ in
                let message = messages.next()
                serial += 1
                return QualityCandidate(id: "s\(serial)", arm: "arm\(serial % 3)",
                                        sample: .object(["text": .string(message.text), "label": .string(message.label)]))
            }
        }

        var lines = [
            "Quality benchmark: synthetic support messages, seed \(seed), one thread, window \(window) candidates; "
                + "search: \(search.tables) tables, \(search.probeFlips) flips, shortlist \(search.shortlist), "
                + "bits offset \(search.bitsOffset); rates in CPU time, stages in µs of wall time",
            "pool          samples/s   " + StageTimes.stages.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }
                .joined() + "total µs  accepted  NN recall@1  recall cos>=0.8  |novelty err|  entries read  dedup verified  growth samples/s",
        ]
        var grown = 0, grownAccepted = 0
        for target in poolSizes.sorted() {
            // Growth to the target, amortised: it includes every rehash, re-centring and array doubling.
            let segmentStart = StageTimes.cpuNow()
            var segmentCandidates = 0
            let poolBefore = pool.count
            while pool.count < target {
                let batch = nextBatch(8)
                segmentCandidates += batch.count
                for (sample, assessment) in pool.assessBatch(batch) where assessment.passed { pool.accept(sample) }
            }
            grown += segmentCandidates
            grownAccepted += pool.count - poolBefore
            let growthRate = Double(segmentCandidates) / max(Double(StageTimes.cpuNow() - segmentStart) / 1e9, 1e-9)
            let size = min(window, target)
            let start = pool.count
            let apiRate = throughput(of: &pool, candidates: nextBatch(size))
            let validator = pool.validator
            let stageCandidates = nextBatch(size)
            let stages = try pool.withComponents { dedup, novelty, diversity in
                try stageTimes(dedup: &dedup, novelty: &novelty, diversity: &diversity, validator: validator,
                               candidates: stageCandidates, schema: schema)
            }
            let recall = recallQueries == 0 ? nil : recallFigures(of: pool, candidates: nextBatch(recallQueries))
            lines.append(row("\(start)-\(pool.count)", apiRate, stages.times, stages.acceptedShare, recall)
                + NumberText.fixed(growthRate, 0))
        }
        lines.append(
            "growth: \(grown) candidates, \(grownAccepted) accepted (\(NumberText.fixed(Double(grownAccepted) / Double(max(grown, 1)) * 100, 1))%); "
                + "pool \(pool.count) with the measurement windows")
        let snapshot = pool.diversitySnapshot
        lines.append(
            "diversity of the pool: Vendi_2 \(NumberText.fixed(snapshot.vendi, 1)) (of \(pool.config.vendiDimensions) dims), "
                + "distinct-1 \(NumberText.fixed(snapshot.distinct1, 4)), distinct-2 \(NumberText.fixed(snapshot.distinct2, 4)), "
                + "entropy \(NumberText.fixed(snapshot.unigramEntropy, 2))/\(NumberText.fixed(snapshot.bigramEntropy, 2)) bits")
        lines.append(try RegexFigure.line())
        return lines.joined(separator: "\n")
    }

    /// Samples per second through the public API.
    private static func throughput(of probe: inout QualityPool, candidates: [QualityCandidate]) -> Double {
        let start = StageTimes.cpuNow()
        for offset in stride(from: 0, to: candidates.count, by: 8) {
            let batch = Array(candidates[offset..<min(offset + 8, candidates.count)])
            for (sample, assessment) in probe.assessBatch(batch) where assessment.passed { probe.accept(sample) }
        }
        let seconds = Double(StageTimes.cpuNow() - start) / 1e9
        return Double(candidates.count) / max(seconds, 1e-9)
    }

    /// The same work as the pool API, stage by stage, with two typical rules (a length limit and two regexes).
    private static func stageTimes(
        dedup: inout DedupIndex, novelty: inout NoveltyIndex, diversity: inout DiversityTracker,
        validator: SchemaValidator, candidates: [QualityCandidate], schema: OutputSchema
    ) throws -> (times: StageTimes, acceptedShare: Double) {
        let cardNumber = try TextPattern("[0-9]{12,19}")
        let secret = try TextPattern("(?i)\\b(password|pin code|cvv)\\b")
        var times = StageTimes()
        var accepted = 0
        for candidate in candidates {
            times.start()
            let validation = validator.validate(candidate.sample)
            times.mark(0)
            let text = SampleText.extract(candidate.sample, schema: schema, fields: nil)
            var passed = validation.isValid && TextRules.lengthProblem(text, min: nil, max: 400) == nil
            if passed { passed = try !cardNumber.occurs(in: text) && !secret.occurs(in: text) }
            times.mark(1)
            let normalized = TextNormalizer.normalize(text)
            times.mark(2)
            let fingerprint = dedup.fingerprint(id: candidate.id, text: normalized)
            passed = passed && !dedup.check(fingerprint).isDuplicate
            times.mark(3)
            let item = try novelty.item(id: candidate.id, text: normalized)
            times.mark(4)
            passed = passed && !novelty.check(item).isSemanticDuplicate
            times.mark(5)
            let features = diversity.features(projection: item.projection, text: normalized)
            times.mark(6)
            if passed {
                dedup.accept(fingerprint)
                novelty.accept(item)
                diversity.accept(features)
                accepted += 1
            }
            times.mark(7)
        }
        return (times, Double(accepted) / Double(max(candidates.count, 1)))
    }

    struct Recall {
        var atOne = 0.0, closeRecall = 0.0, closeCount = 0, noveltyError = 0.0, scanned = 0.0, verified = 0.0
    }

    /// Share of queries whose LSH nearest neighbour is the exhaustive one (same cosine), the same among
    /// queries whose true neighbour has cosine >= 0.8, and the mean absolute novelty error.
    private static func recallFigures(of pool: QualityPool, candidates: [QualityCandidate]) -> Recall {
        var recall = Recall()
        var closeHits = 0
        for candidate in candidates {
            let sample = pool.prepare(candidate)
            if let fingerprint = sample.fingerprint { recall.verified += Double(pool.dedup.verifiedCandidates(fingerprint)) }
            guard let item = sample.vector, let exact = pool.novelty.vectors.nearestExhaustive(to: item) else { continue }
            let found = pool.novelty.vectors.nearest(to: item)
            if pool.novelty.vectors.activeBits > 0 {
                recall.scanned += Double(pool.novelty.vectors.shortlistAndScanned(for: item).scanned)
            }
            let hit = found.map { abs($0.cosine - exact.cosine) < 1e-9 } ?? false
            recall.atOne += hit ? 1 : 0
            if exact.cosine >= 0.8 {
                recall.closeCount += 1
                closeHits += hit ? 1 : 0
            }
            let scale = pool.novelty.scale
            recall.noveltyError += abs(
                scale.novelty(distance: 1 - (found?.cosine ?? 0)) - scale.novelty(distance: 1 - exact.cosine))
        }
        let count = Double(max(candidates.count, 1))
        recall.atOne /= count
        recall.noveltyError /= count
        recall.scanned /= count
        recall.verified /= count
        recall.closeRecall = recall.closeCount == 0 ? .nan : Double(closeHits) / Double(recall.closeCount)
        return recall
    }

    private static func row(_ pool: String, _ rate: Double, _ times: StageTimes, _ accepted: Double, _ recall: Recall?) -> String {
        func cell(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var line = cell(pool, 14) + cell(NumberText.fixed(rate, 0), 12)
        for stage in StageTimes.stages.indices { line += cell(NumberText.fixed(times.microsecondsPerSample(stage), 2), 10) }
        line += cell(NumberText.fixed(times.totalMicrosecondsPerSample, 1), 10)
        line += cell(NumberText.fixed(accepted * 100, 1) + "%", 10)
        guard let recall else { return line + cell("-", 13) + cell("-", 17) + cell("-", 15) + cell("-", 14) + cell("-", 16) }
        line += cell(NumberText.fixed(recall.atOne, 3), 13)
        line += cell(NumberText.fixed(recall.closeRecall, 3) + " (n=\(recall.closeCount))", 17)
        line += cell(NumberText.fixed(recall.noveltyError, 4), 15)
        line += cell(NumberText.fixed(recall.scanned, 0), 14)
        line += cell(NumberText.fixed(recall.verified, 1), 16)
        return line
    }
}
