import GenCore
import GenPipeline

/// Turns the context and a slot's target into chat messages. Short and literal on purpose: small
/// models follow a plain list of requirements far better than an elaborate persona.
public enum PromptBuilder {
    public static let systemPrompt =
        "You write realistic synthetic data for training machine-learning models. "
        + "Reply with exactly one JSON object and nothing else."

    /// The user message. `attributes` (drawn for this slot) are listed before the ask; `instruction` (the arm's
    /// own text, already filled) replaces the default ask.
    public static func userPrompt(
        context: GenerationContext, examples: [JSONValue], targetLabel: String?,
        attributes: [(name: String, value: String)] = [], instruction: String? = nil
    ) -> String {
        var lines: [String] = []
        lines.append("Domain: \(context.domain)")
        if !context.constraints.isEmpty {
            lines.append("")
            lines.append("Requirements:")
            lines += context.constraints.map { "- \($0)" }
        }
        lines.append("")
        lines.append("Each sample is a JSON object with these fields:")
        lines += SchemaDescription.lines(for: context.schema)
        if !examples.isEmpty {
            lines.append("")
            lines.append("Examples:")
            lines += examples.map { CanonicalJSON.string($0) }
        }
        if !attributes.isEmpty {
            lines.append("")
            lines.append("This sample's attributes:")
            lines += attributes.map { "- \($0.name): \($0.value)" }
        }
        lines.append("")
        if let instruction {
            lines.append(instruction)
        } else if let targetLabel, let field = context.labelField {
            lines.append("Write one new sample whose \(field) is \"\(targetLabel)\".")
        } else {
            lines.append("Write one new sample.")
        }
        if !examples.isEmpty {
            lines.append("It must be different from the examples.")
        }
        return lines.joined(separator: "\n")
    }
}
