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

    /// The hub's `dtype` for a schema field type.
    static func dtype(_ type: SchemaFieldType) -> String {
        switch type {
        case .string, .enumeration: return "string"
        case .int: return "int64"
        case .float: return "float64"
        case .bool: return "bool"
        case .list(let element, _, _): return "list<\(dtype(element))>"
        case .object: return "struct"
        }
    }

    static func frontMatter(_ data: ReportData, options: CardOptions) -> String {
        var lines = ["---"]
        lines.append("pretty_name: " + CardText.yaml(data.graph?.spec.name ?? "Gen synthetic dataset"))
        lines.append("license: " + CardText.yaml(options.license))
        lines.append("language:")
        lines += options.languages.map { "- " + CardText.yaml($0) }
        lines.append("task_categories:")
        lines.append("- " + taskCategory(data))
        lines.append("size_categories:")
        lines.append("- " + CardText.yaml(sizeCategory(data.acceptedCount)))
        lines.append("tags:")
        lines += ["synthetic", "gen", "llm-generated"].map { "- " + $0 }
        lines.append("configs:")
        lines.append("- config_name: default")
        lines.append("  data_files:")
        lines.append("  - split: train")
        lines.append("    path: dataset.jsonl")
        if let fields = data.graph?.spec.output.fields, !fields.isEmpty {
            lines.append("dataset_info:")
            lines.append("  features:")
            for field in fields {
                lines.append("  - name: " + CardText.yaml(field.name))
                lines.append("    dtype: " + CardText.yaml(dtype(field.type)))
            }
            lines.append("  splits:")
            lines.append("  - name: train")
            lines.append("    num_examples: \(data.acceptedCount)")
        }
        lines.append("---")
        return lines.joined(separator: "\n")
    }
}

/// What the card cannot know from the run and the user may set.
public struct CardOptions: Sendable, Equatable {
    /// A hub license id; "other" until the user picks one (the generating models' terms decide it).
    public var license: String
    /// ISO 639-1 codes. Gen does not detect the language; "en" is an assumption the card states.
    public var languages: [String]

    public init(license: String = "other", languages: [String] = ["en"]) {
        self.license = license
        self.languages = languages
    }
}
