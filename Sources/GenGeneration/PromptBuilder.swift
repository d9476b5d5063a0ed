import GenCore
import GenPipeline

/// Turns the context and a slot's target into chat messages. Short and literal on purpose: small
/// models follow a plain list of requirements far better than an elaborate persona.
public enum PromptBuilder {
    public static let systemPrompt =
        "You write realistic synthetic data for training machine-learning models. "
        + "Reply with exactly one JSON object and nothing else."

    /// The system message when one call asks for several samples.
    public static let groupSystemPrompt =
        "You write realistic synthetic data for training machine-learning models. "
        + "Reply with exactly one JSON array of sample objects and nothing else."

    /// The user message. `attributes` (drawn for this slot) are listed before the ask; `instruction` (the arm's
    /// own text, already filled) replaces the default ask.
    /// The user message for several samples in one call: the shared context once, then one numbered line per
    /// sample (its ask and attributes), answered as a JSON array in that order.
    public static func groupPrompt(context: GenerationContext, examples: [JSONValue], asks: [String]) -> String {
        var lines = contextLines(context: context, examples: examples)
        lines.append("")
        lines.append("Write \(asks.count) new samples as a JSON array of \(asks.count) objects, in this order:")
        lines += asks.enumerated().map { "\($0.offset + 1). \($0.element)" }
        lines.append(examples.isEmpty ? "Each must be different from the others." : "Each must be different from the others and from the examples.")
        return lines.joined(separator: "\n")
    }

    /// One sample's line in a group: its instruction, or the default ask, then its attributes.
    public static func groupAsk(context: GenerationContext, targetLabel: String?, attributes: [(name: String, value: String)],
                                instruction: String?) -> String {
        var ask = instruction ?? ((targetLabel.flatMap { label in context.labelField.map { "a sample whose \($0) is \"\(label)\"" } }) ?? "a sample")
        if !attributes.isEmpty { ask += " (" + attributes.map { "\($0.name): \($0.value)" }.joined(separator: "; ") + ")" }
        return ask
    }

    /// Domain, requirements, fields and examples: what every prompt starts with.
    static func contextLines(context: GenerationContext, examples: [JSONValue]) -> [String] {
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
        return lines
    }

    public static func userPrompt(
        context: GenerationContext, examples: [JSONValue], targetLabel: String?,
        attributes: [(name: String, value: String)] = [], instruction: String? = nil
    ) -> String {
        var lines = contextLines(context: context, examples: examples)
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
