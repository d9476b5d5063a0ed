import GenCore
import GenRuntime

/// How values become prompt text: strings verbatim, records as `field: value` lines (what a small judge
/// reads best), everything else as canonical JSON.
enum SampleText {
    static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .record(let record):
            return record.fields.map { "\($0.name): \(inline($0.value))" }.joined(separator: "\n")
        default: return CanonicalJSON.string(value.jsonValue)
        }
    }

    private static func inline(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        return CanonicalJSON.string(value.jsonValue)
    }
}
