import GenCore
import GenPipeline

/// The text of a sample that dedup, novelty and diversity compare.
public enum SampleText {
    /// The chosen fields' string values joined by newlines; by default every declared string field (not enum
    /// fields: a label is not part of what makes two samples duplicates). A sample with no such text falls
    /// back to its canonical JSON, so non-text schemas are still deduplicated.
    public static func extract(_ sample: JSONValue, schema: OutputSchema, fields: [String]?) -> String {
        let names = fields ?? schema.fields.compactMap { field -> String? in
            if case .string = field.type { return field.name }
            return nil
        }
        let parts = names.compactMap { sample[$0]?.stringValue }
        return parts.isEmpty ? CanonicalJSON.string(sample) : parts.joined(separator: "\n")
    }
}
