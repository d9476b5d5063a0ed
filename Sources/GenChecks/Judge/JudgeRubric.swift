import GenCore
import GenPipeline

/// The criteria a judge scores. By default they come from the spec itself, so a spec compiles into its
/// checks: the domain, one criterion per constraint, and the sample's label. A script can replace them
/// (`rubric: [...]`) or add to them (`rubric: [...], extend: true`).
public struct JudgeRubric: Sendable, Equatable {
    public var criteria: [String]

    public init(criteria: [String]) {
        var seen = Set<String>()
        self.criteria = criteria
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The rubric a spec implies for one sample: its domain, its constraints, and the label it carries
    /// (when the spec has a label field and the sample a value for it).
    public static func fromSpec(_ spec: SpecNode, label: String?) -> JudgeRubric {
        var criteria: [String] = []
        if !spec.domain.isEmpty { criteria.append("The text fits the domain: \(spec.domain)") }
        criteria += spec.constraints.map { "The text follows this constraint: \($0)" }
        if let label, !label.isEmpty { criteria.append("The label `\(label)` is correct for the text") }
        return JudgeRubric(criteria: criteria)
    }

    /// The structured-output schema: one integer score from 1 to 5 per criterion, keyed by the criterion's
    /// own words, all required. Keying by criterion (rather than a list) lets a grammar-constrained server
    /// force an answer for every criterion and nothing else.
    public var outputSchema: JSONValue {
        let score: JSONValue = .object(["type": .string("integer"), "enum": .array((1...5).map(JSONValue.int))])
        return .object([
            "type": .string("object"),
            "properties": .object(Dictionary(criteria.map { ($0, score) }, uniquingKeysWith: { first, _ in first })),
            "required": .array(criteria.map(JSONValue.string)),
            "additionalProperties": .bool(false),
        ])
    }
}
