import GenPipeline

/// The Hugging Face-style YAML front matter: what dataset hubs index (license, task, size, language, features).
enum CardMetadata {
    /// Hub size buckets: "n<1K", "1K<n<10K", ...
    static func sizeCategory(_ count: Int) -> String {
        switch count {
        case ..<1_000: return "n<1K"
        case ..<10_000: return "1K<n<10K"
        case ..<100_000: return "10K<n<100K"
        case ..<1_000_000: return "100K<n<1M"
        case ..<10_000_000: return "1M<n<10M"
        default: return "10M<n<100M"
        }
    }

    /// Text classification when samples carry a label, else text generation.
    static func taskCategory(_ data: ReportData) -> String {
        data.labelField != nil || data.graph?.evaluation != nil ? "text-classification" : "text-generation"
    }

    /// The Hub's `task_ids` under text-classification: the label's classes are exclusive.
    static func taskIDs(_ data: ReportData) -> [String] {
        taskCategory(data) == "text-classification" ? ["multi-class-classification"] : []
    }

    static func frontMatter(_ data: ReportData, options: CardOptions) -> String {
        var lines = ["---"]
        lines.append("pretty_name: " + CardText.yaml(data.graph?.spec.name ?? "Gen synthetic dataset"))
        lines.append("license: " + CardText.yaml(options.license))
        if options.license == "other" {
            // The Hub requires both for `other`; until the user names one, they point at this card's known limits.
            lines.append("license_name: " + CardText.yaml(options.licenseName ?? "undecided"))
            // The card itself: README.md in an exported folder, DATASET_CARD.md in the run directory.
            lines.append("license_link: " + CardText.yaml(options.licenseLink ?? (options.splits == nil ? DatasetCard.fileName : "README.md")))
        }
        lines.append("language:")
        lines += options.languages.map { "- " + CardText.yaml($0) }
        lines += ["annotations_creators:", "- machine-generated", "language_creators:", "- machine-generated", "source_datasets:", "- original"]
        lines.append("task_categories:")
        lines.append("- " + taskCategory(data))
        let ids = taskIDs(data)
        if !ids.isEmpty { lines += ["task_ids:"] + ids.map { "- " + $0 } }
        lines.append("size_categories:")
        lines.append("- " + CardText.yaml(sizeCategory(data.acceptedCount)))
        lines.append("tags:")
        lines += ["synthetic", "gen", "llm-generated"].map { "- " + $0 }
        let splits = options.splits ?? [CardSplit(name: "train", path: "dataset.jsonl", count: data.acceptedCount)]
        lines.append("configs:")
        lines.append("- config_name: default")
        lines.append("  data_files:")
        for split in splits {
            // Split names and paths are word characters, dots, dashes and slashes (SplitSpec checks names): plain scalars.
            lines.append("  - split: " + split.name)
            lines.append("    path: " + split.path)
        }
        if let spec = data.graph?.spec, !spec.output.fields.isEmpty {
            lines.append("dataset_info:")
            lines.append("  features:")
            lines += HubField.yaml(HubField.columns(spec, provenance: options.provenance, nestedAsText: options.nestedAsText)).map { "  " + $0 }
            lines.append("  splits:")
            for split in splits {
                lines.append("  - name: " + split.name)
                lines.append("    num_examples: \(split.count)")
                if let bytes = split.bytes { lines.append("    num_bytes: \(bytes)") }
            }
        }
        lines.append("---")
        return lines.joined(separator: "\n")
    }
}

/// One split of the exported dataset as the card's `configs` and `dataset_info` list it.
public struct CardSplit: Sendable, Equatable {
    public var name: String
    /// The data file (or glob) relative to the card.
    public var path: String
    public var count: Int
    /// The data file's size, when written (`datasets` wants `num_bytes` beside `num_examples`).
    public var bytes: Int?

    public init(name: String, path: String, count: Int, bytes: Int? = nil) {
        self.name = name
        self.path = path
        self.count = count
        self.bytes = bytes
    }
}

/// What the card cannot know from the run and the user may set.
public struct CardOptions: Sendable, Equatable {
    /// A hub license id; "other" until the user picks one (the generating models' terms decide it).
    public var license: String
    /// ISO 639-1 codes. Gen does not detect the language; "en" is an assumption the card states.
    public var languages: [String]

    /// For `other`: the license's short id and where its text is (the Hub wants both).
    public var licenseName: String?
    public var licenseLink: String?
    /// The exported splits; nil for the run directory's own dataset.jsonl (all accepted samples as train).
    public var splits: [CardSplit]?
    /// The data files carry `_arm`, `_batch` and `_reward` columns.
    public var provenance: Bool
    /// The data files hold lists and objects as JSON text (CSV), which the features then declare as strings.
    public var nestedAsText = false

    public init(
        license: String = "other", languages: [String] = ["en"], licenseName: String? = nil, licenseLink: String? = nil,
        splits: [CardSplit]? = nil, provenance: Bool = false
    ) {
        self.license = license
        self.languages = languages
        self.licenseName = licenseName
        self.licenseLink = licenseLink
        self.splits = splits
        self.provenance = provenance
    }
}
