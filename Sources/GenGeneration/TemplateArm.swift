import GenCore
import GenPipeline

/// `template`: Chatito-style expansion, no model. Either per-label patterns for the text field
/// (`by_label: {lost_card: ["I lost my {card}"]}`) or patterns per field (`fields: {title: [...]}`),
/// with shared `slots`. Values for numeric and boolean fields are converted from the expanded text.
public struct TemplateArm: Arm {
    public let name: String
    let expander: TemplateExpander
    let byLabel: [String: [String]]
    let fields: [String: [String]]
    let textField: String?
    let recordedParameters: [String: JSONValue]

    public init(
        name: String, slots: [String: [String]], byLabel: [String: [String]], fields: [String: [String]],
        textField: String?, recordedParameters: [String: JSONValue]
    ) {
        self.name = name
        self.expander = TemplateExpander(slots: slots)
        self.byLabel = byLabel
        self.fields = fields
        self.textField = textField
        self.recordedParameters = recordedParameters
    }

    /// Everything wrong with the patterns, for the checker to report before a run.
    public var problems: [String] {
        (byLabel.values.flatMap { $0 } + fields.values.flatMap { $0 }).flatMap { expander.problems(in: $0) }
    }

    public func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        slots.map { generateOne($0, context: context) }
    }

    func generateOne(_ slot: SlotRequest, context: GenerationContext) -> Candidate {
        var rng = SeededRandom(seed: slot.seed)
        var members: [String: JSONValue] = [:]
        var rendered: [String] = []
        for (field, patterns) in fields.sorted(by: { $0.key < $1.key }) where !patterns.isEmpty {
            let text = expander.expand(patterns[rng.nextIndex(patterns.count)], using: &rng)
            members[field] = Self.convert(text, to: context.schema.field(named: field)?.type)
            rendered.append(text)
        }
        if !byLabel.isEmpty, let labelField = context.labelField {
            let label = slot.targetLabel.flatMap { byLabel[$0] != nil ? $0 : nil } ?? byLabel.keys.sorted()[rng.nextIndex(byLabel.count)]
            let patterns = byLabel[label] ?? []
            if !patterns.isEmpty, let textField = textField ?? Self.firstTextField(context.schema, excluding: labelField) {
                let text = expander.expand(patterns[rng.nextIndex(patterns.count)], using: &rng)
                members[textField] = .string(text)
                members[labelField] = .string(label)
                rendered.append(text)
            }
        }
        let sample = JSONValue.object(members)
        return Candidate(
            arm: name, slot: slot.slot, targetLabel: slot.targetLabel,
            sample: members.isEmpty ? nil : sample, rawText: CanonicalJSON.string(sample),
            failure: members.isEmpty ? "template produced no fields (no patterns for this label?)" : nil,
            parameters: recordedParameters)
    }

    static func firstTextField(_ schema: OutputSchema, excluding label: String) -> String? {
        schema.fields.first { field in
            if case .string = field.type { return field.name != label }
            return false
        }?.name
    }

    /// "29.99" becomes a number for a float field; text that does not convert stays text, so the
    /// schema check rejects it with a clear reason instead of the arm guessing.
    static func convert(_ text: String, to type: SchemaFieldType?) -> JSONValue {
        switch type {
        case .int?: return Int(text).map(JSONValue.int) ?? .string(text)
        case .float?: return Double(text).map(JSONValue.double) ?? .string(text)
        case .bool?: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        case .list?: return .array(text.split(separator: ",").map { .string(String($0).trimmingSpaces()) })
        default: return .string(text)
        }
    }
}
