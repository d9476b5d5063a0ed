import GenCore
import GenPipeline

/// The dedup and diversity methods the in-process pool implements, as scripts call them: `dedup near(0.85)`,
/// `diversity novelty(min: 0.2)`. The checker's lists are these; the run maps them onto `QualityConfig`.
public enum QualityMethods {
    static func threshold(_ value: Double, _ summary: String) -> ParameterSpec {
        ParameterSpec(name: "threshold", type: .float, defaultValue: .double(value), minimum: 0, maximum: 1, summary: summary)
    }

    public static let dedup: [KindSpec] = [
        KindSpec(family: "dedup", name: "exact", parameters: [], summary: "identical normalised text"),
        KindSpec(family: "dedup", name: "near", parameters: [
            threshold(DedupConfig().nearThreshold, "estimated Jaccard similarity at or above which a sample is a duplicate"),
        ], positional: ["threshold"], summary: "MinHash near-duplicates of word shingles"),
        KindSpec(family: "dedup", name: "semantic", parameters: [
            threshold(NoveltyScale().duplicateCosine, "centred TF-IDF cosine at or above which a sample is a duplicate"),
        ], positional: ["threshold"], summary: "near-duplicates by centred hashed TF-IDF cosine to the accepted pool"),
    ]

    public static let diversity: [KindSpec] = [
        KindSpec(family: "diversity", name: "novelty", parameters: [
            ParameterSpec(name: "min", type: .float, defaultValue: .double(0), minimum: 0, maximum: 1, summary: "smallest novelty accepted"),
        ], positional: ["min"], summary: "distance to the accepted pool"),
    ]
}
