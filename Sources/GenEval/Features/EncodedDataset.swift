/// Featurised samples with labels as indices into `classes`: featurise once, fit many times (cross-validation,
/// the 2^K coalition fits of arm credit).
public struct EncodedDataset: Sendable {
    public var vectors: [SparseVector]
    public var labels: [Int]
    /// Sorted class names; `labels` index into this.
    public var classes: [String]

    public init(vectors: [SparseVector], labels: [Int], classes: [String]) {
        self.vectors = vectors
        self.labels = labels
        self.classes = classes
    }

    /// Featurises samples; the class list is the sorted set of their labels unless one is given.
    public init(_ samples: [LabeledText], featurizer: HashedFeaturizer, classes: [String]? = nil) {
        let classList = classes ?? Array(Set(samples.map(\.label))).sorted()
        let position = Dictionary(uniqueKeysWithValues: classList.enumerated().map { ($1, $0) })
        var vectors: [SparseVector] = []
        var labels: [Int] = []
        for sample in samples {
            guard let label = position[sample.label] else { continue }  // unknown to a given class list
            vectors.append(featurizer.encode(sample.text))
            labels.append(label)
        }
        self.init(vectors: vectors, labels: labels, classes: classList)
    }

    public var count: Int { vectors.count }

    /// The rows at the given positions, same class list.
    public func subset(_ rows: [Int]) -> EncodedDataset {
        EncodedDataset(vectors: rows.map { vectors[$0] }, labels: rows.map { labels[$0] }, classes: classes)
    }

    /// The labels re-indexed into `classes` after subsetting, dropping classes with no rows, so a model never
    /// learns a class it has not seen.
    func compacted() -> EncodedDataset {
        let present = Set(labels).sorted()
        guard present.count != classes.count else { return self }
        let remap = Dictionary(uniqueKeysWithValues: present.enumerated().map { ($1, $0) })
        return EncodedDataset(vectors: vectors, labels: labels.map { remap[$0] ?? 0 }, classes: present.map { classes[$0] })
    }
}
