import GenQuality
import GenPipeline
import Foundation
import GenCore
import GenPipeline

extension QualityBenchmark {
    /// The median nearest-neighbour distance (centred hashed TF-IDF) among the first `limit` texts of each
    /// JSONL file (`{"text": ...}` per line): the figure behind `NoveltyScale.defaultReferenceDistance`.
    public static func referenceDistances(jsonlPaths: [String], limit: Int = 1_000) -> String {
        let schema = OutputSchema(fields: [SchemaField(name: "text", type: .string())])
        return jsonlPaths.map { path in
            guard let content = try? String(contentsOfFile: path, encoding: .utf8) else { return "\(path): unreadable" }
            let seeds = content.split(separator: "\n").prefix(limit).compactMap { CanonicalJSON.parse(String($0)) }
            do {
                var pool = try QualityPool(schema: schema)
                guard let median = try pool.calibrate(seeds: seeds) else { return "\(path): fewer than two texts" }
                return "\(path): median NN distance \(NumberText.fixed(median, 3)) over \(seeds.count) texts"
            } catch {
                return "\(path): \(error)"
            }
        }.joined(separator: "\n")
    }
}
