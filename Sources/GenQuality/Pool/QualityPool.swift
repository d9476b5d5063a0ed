import GenCore
import GenPipeline

/// The in-process quality layer for one run: schema validation, exact and near dedup, semantic novelty and
/// diversity, all against the pool of accepted samples.
///
/// Use: `prepare` each candidate (pure), `assess` it against the pool and the batch's earlier passing
/// samples (pure), let the run loop add its own rule and model verdicts, then `accept` the samples that
/// passed everything, in order (mutates). The whole state is `Codable`, for the run store.
public struct QualityPool: Sendable {
    public let config: QualityConfig
    public let validator: SchemaValidator
    public private(set) var dedup: DedupIndex
    public private(set) var novelty: NoveltyIndex
    public private(set) var diversity: DiversityTracker

    public init(schema: OutputSchema, config: QualityConfig = QualityConfig()) throws {
        let random = SeededRandom(seed: config.seed)
        let novelty: NoveltyIndex
        if let dimensions = config.embeddingDimensions {
            novelty = try .embeddings(dimensions: dimensions, scale: config.novelty, search: config.search, random: random)
        } else {
            novelty = try .tfidf(
                dimensions: config.tfidfDimensions, scale: config.novelty, search: config.search, random: random)
        }
        try self.init(
            config: config, validator: SchemaValidator(schema: schema, extraFields: config.extraFields),
            dedup: DedupIndex(config: config.dedup), novelty: novelty,
            diversity: DiversityTracker(vendiDimensions: config.vendiDimensions))
    }

    init(config: QualityConfig, validator: SchemaValidator, dedup: DedupIndex, novelty: NoveltyIndex,
         diversity: DiversityTracker) throws {
        let planes = novelty.vectors.config.tables * novelty.vectors.config.maxBits
        guard planes >= diversity.vendiDimensions else {
            throw QualityError.invalidConfiguration(
                "Vendi dimensions (\(diversity.vendiDimensions)) exceed the search's hyperplanes (\(planes)): use more tables")
        }
        self.config = config
        self.validator = validator
        self.dedup = dedup
        self.novelty = novelty
        self.diversity = diversity
    }

    /// Accepted samples so far.
    public var count: Int { dedup.count - referenceCount }

    /// Seed examples in the dedup index (not accepted samples: not counted, not in novelty or diversity).
    public private(set) var referenceCount = 0

    /// Adds the spec's seed examples to the dedup index, so a sample that copies one is a duplicate
    /// ("duplicate of `seed #2`"): seeds were copied word for word into datasets. Seeds that do not match
    /// the schema are left out (the checker reports them).
    public mutating func addReferences(_ seeds: [JSONValue]) {
        for (position, seed) in seeds.enumerated() {
            guard let fingerprint = prepare(QualityCandidate(id: "seed #\(position + 1)", arm: "", sample: seed)).fingerprint else { continue }
            dedup.accept(fingerprint)
            referenceCount += 1
        }
    }

    /// Dataset-level diversity now.
    public var diversitySnapshot: DiversitySnapshot { diversity.snapshot }

    /// Calibrates novelty's reference distance on seed or real examples (TF-IDF mode): their texts count for
    /// document frequencies and the centre but are not pool members. Returns the median nearest-neighbour
    /// distance, or nil with fewer than two seeds.
    @discardableResult
    public mutating func calibrate(seeds: [JSONValue]) throws -> Double? {
        let texts = seeds.map {
            TextNormalizer.normalize(SampleText.extract($0, schema: validator.schema, fields: config.textFields))
        }
        return try novelty.calibrate(seedTexts: texts)
    }

    /// Calibrates from embeddings of seed examples (embedding mode).
    @discardableResult
    public mutating func calibrate(seedEmbeddings: [[Float]]) throws -> Double? {
        try novelty.calibrate(seedEmbeddings: seedEmbeddings)
    }

    /// Validates the candidate and computes its text, fingerprint and vectors (pure).
    public func prepare(_ candidate: QualityCandidate) -> PreparedSample {
        let validation = validator.validate(candidate.sample)
        let text = SampleText.extract(candidate.sample, schema: validator.schema, fields: config.textFields)
        let normalized = TextNormalizer.normalize(text)
        guard validation.isValid else {
            return PreparedSample(
                id: candidate.id, arm: candidate.arm, schema: validation, text: text, normalized: normalized,
                fingerprint: nil, vector: nil, diversity: nil, vectorProblem: nil)
        }
        var vector: VectorItem?
        var problem: String?
        do {
            if config.embeddingDimensions != nil {
                guard let embedding = candidate.embedding else {
                    throw QualityError.invalidConfiguration("no embedding was supplied for this sample")
                }
                vector = try novelty.item(id: candidate.id, embedding: embedding)
            } else {
                vector = try novelty.item(id: candidate.id, text: normalized)
            }
        } catch {
            problem = "\(error)"
        }
        return PreparedSample(
            id: candidate.id, arm: candidate.arm, schema: validation, text: text, normalized: normalized,
            fingerprint: dedup.fingerprint(id: candidate.id, text: normalized), vector: vector,
            diversity: vector.map { diversity.features(projection: $0.projection, text: normalized) }, vectorProblem: problem)
    }

    /// The verdict of the in-process gates against the pool and `pending` (earlier samples of the same
    /// batch that passed and are not accepted yet). Pure.
    public func assess(_ sample: PreparedSample, pending: [PreparedSample] = []) -> SampleAssessment {
        var rejections = sample.schema.issues.map { Rejection(stage: .schema, reason: $0.message, path: $0.path) }
        guard let fingerprint = sample.fingerprint else {
            return SampleAssessment(id: sample.id, arm: sample.arm, rejections: rejections, dedup: nil, novelty: nil)
        }
        let dedupVerdict = dedup.check(fingerprint, pending: pending.compactMap(\.fingerprint))
        if let reason = dedupVerdict.reason { rejections.append(Rejection(stage: .dedup, reason: reason)) }
        var noveltyVerdict: NoveltyVerdict?
        if let vector = sample.vector {
            let verdict = novelty.check(vector, pending: pending.compactMap(\.vector))
            if let reason = verdict.reason { rejections.append(Rejection(stage: .novelty, reason: reason)) }
            noveltyVerdict = verdict
        } else if let problem = sample.vectorProblem {
            rejections.append(Rejection(stage: .vector, reason: problem))
        }
        return SampleAssessment(
            id: sample.id, arm: sample.arm, rejections: rejections, dedup: dedupVerdict, novelty: noveltyVerdict)
    }

    /// The order-2 Vendi gain the sample would bring to the pool as it is now (0 without a usable vector). Pure.
    public func diversityGain(_ sample: PreparedSample) -> Double {
        sample.diversity.map { diversity.gain($0) } ?? 0
    }

    /// Prepares and assesses a batch in order, each sample against the pool and the batch's earlier samples
    /// that passed (pure). Accept the ones that pass every gate with `accept`.
    public func assessBatch(_ candidates: [QualityCandidate]) -> [(sample: PreparedSample, assessment: SampleAssessment)] {
        var passing: [PreparedSample] = []
        return candidates.map { candidate in
            let sample = prepare(candidate)
            let assessment = assess(sample, pending: passing)
            if assessment.passed { passing.append(sample) }
            return (sample, assessment)
        }
    }

    /// Adds a sample that passed every gate to the pool. Returns its Vendi gain, or nil (and changes
    /// nothing) when the sample failed its schema or has no usable vector.
    @discardableResult
    public mutating func accept(_ sample: PreparedSample) -> Double? {
        guard let fingerprint = sample.fingerprint, let vector = sample.vector, let features = sample.diversity else {
            return nil
        }
        dedup.accept(fingerprint)
        novelty.accept(vector)
        return diversity.accept(features)
    }
}

extension QualityPool {
    /// Prepares and accepts a sample in one step, for callers that keep samples rather than prepared
    /// samples between assessing and committing (TF-IDF weights are those of the pool at commit time).
    @discardableResult
    public mutating func accept(_ candidate: QualityCandidate) -> Double? {
        accept(prepare(candidate))
    }

    /// Direct access to the components, for the benchmark's stage-by-stage timing (copying them would
    /// make the first mutation copy every array of a large pool and distort the figures).
    public mutating func withComponents<Result>(
        _ body: (inout DedupIndex, inout NoveltyIndex, inout DiversityTracker) throws -> Result
    ) rethrows -> Result {
        try body(&dedup, &novelty, &diversity)
    }
}

extension QualityPool: Codable {
    private enum CodingKeys: String, CodingKey { case config, schema, dedup, novelty, diversity, references }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let config = try container.decode(QualityConfig.self, forKey: .config)
        let schema = try container.decode(OutputSchema.self, forKey: .schema)
        let dedup = try container.decode(DedupIndex.self, forKey: .dedup)
        let novelty = try container.decode(NoveltyIndex.self, forKey: .novelty)
        let diversity = try container.decode(DiversityTracker.self, forKey: .diversity)
        let references = try container.decodeIfPresent(Int.self, forKey: .references) ?? 0
        try container.require(
            dedup.count == novelty.count + references && novelty.count == diversity.vendi.count,
            "dedup, novelty and diversity state disagree on the pool", forKey: .diversity)
        try self.init(
            config: config, validator: SchemaValidator(schema: schema, extraFields: config.extraFields), dedup: dedup,
            novelty: novelty, diversity: diversity)
        referenceCount = references
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(config, forKey: .config)
        try container.encode(validator.schema, forKey: .schema)
        try container.encode(dedup, forKey: .dedup)
        try container.encode(novelty, forKey: .novelty)
        try container.encode(diversity, forKey: .diversity)
        try container.encode(referenceCount, forKey: .references)
    }
}
