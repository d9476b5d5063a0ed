import GenCore
import GenPipeline

/// Validates samples against an output schema: required fields, types, enum values, string lengths and
/// patterns, numeric ranges, list sizes, nested objects, unknown fields. Reports every issue (not only the
/// first) with its JSON path. Patterns are compiled once, when the validator is made.
public struct SchemaValidator: Sendable {
    public let schema: OutputSchema
    public let extraFields: ExtraFieldPolicy
    private let patterns: [String: TextPattern]
    /// Steps one pattern match may take; a value that needs more fails validation with that reason.
    public let patternStepBudget: Int

    /// Fails when a field's pattern is not a valid regular expression.
    public init(
        schema: OutputSchema, extraFields: ExtraFieldPolicy = .strip, patternStepBudget: Int = LinearRegex.defaultStepBudget
    ) throws {
        self.schema = schema
        self.extraFields = extraFields
        self.patternStepBudget = patternStepBudget
        var patterns: [String: TextPattern] = [:]
        try Self.collectPatterns(schema.fields, path: "$", into: &patterns)
        self.patterns = patterns
    }

    public func validate(_ sample: JSONValue) -> SchemaValidation {
        var run = ValidationRun(patterns: patterns, extraFields: extraFields, patternStepBudget: patternStepBudget)
        let cleaned = run.object(sample, fields: schema.fields, path: "$")
        return SchemaValidation(
            issues: run.issues, cleaned: run.issues.isEmpty ? cleaned : nil, strippedFields: run.stripped)
    }

    private static func collectPatterns(_ fields: [SchemaField], path: String, into patterns: inout [String: TextPattern]) throws {
        for field in fields {
            try collectPatterns(field.type, path: path + "." + field.name, into: &patterns)
        }
    }

    private static func collectPatterns(_ type: SchemaFieldType, path: String, into patterns: inout [String: TextPattern]) throws {
        switch type {
        case .string(_, _, let pattern?) where patterns[pattern] == nil:
            patterns[pattern] = try TextPattern(pattern, path: path)
        case .list(let element, _, _):
            try collectPatterns(element, path: path + "[]", into: &patterns)
        case .object(let fields):
            try collectPatterns(fields, path: path, into: &patterns)
        default:
            break
        }
    }
}
