import GenCore

/// How an LLM arm words its request: attributes drawn for each slot, the arm's own ask (`instruction`) and
/// system message (`system`), each falling back to the built-in prompt.
public struct ArmPrompting: Sendable, Equatable {
    public var attributes: AttributeSpace
    public var instruction: PromptText?
    public var system: PromptText?

    public init(attributes: AttributeSpace = AttributeSpace(nil), instruction: PromptText? = nil, system: PromptText? = nil) {
        self.attributes = attributes
        self.instruction = instruction
        self.system = system
    }

    /// Placeholders the arm's texts may use.
    public func knownPlaceholders() -> [String] {
        ["label", "label_field", "domain"] + attributes.dimensions.map(\.name)
    }

    /// Everything wrong in the declaration, for `gen check`.
    public func problems(labels: [String]) -> [String] {
        let known = knownPlaceholders()
        return attributes.problems + attributes.unknownLabels(labels)
            + (instruction?.problems(known: known, parameter: "instruction") ?? [])
            + (system?.problems(known: known, parameter: "system") ?? [])
    }

    public struct Messages: Sendable {
        public var system: String
        public var user: String
        public var attributes: [(name: String, value: String)]
    }

    /// The slot's attributes and filled placeholders.
    func draw(context: GenerationContext, slot: SlotRequest) -> (attributes: [(name: String, value: String)], values: [String: String]) {
        var rng = SeededRandom(seed: slot.seed).derived("attributes")
        let drawn = attributes.draw(label: slot.targetLabel, rng: &rng)
        var values = ["domain": context.domain, "label": slot.targetLabel ?? "", "label_field": context.labelField ?? ""]
        for (name, value) in drawn { values[name] = value }
        return (drawn, values)
    }

    /// One request for several slots (`per_call`): one numbered ask per slot, the system text of the first.
    public func groupMessages(context: GenerationContext, examples: [JSONValue], slots: [SlotRequest]) -> (system: String, user: String, attributes: [[(name: String, value: String)]]) {
        let draws = slots.map { draw(context: context, slot: $0) }
        let asks = zip(slots, draws).map { slot, draw in
            PromptBuilder.groupAsk(context: context, targetLabel: slot.targetLabel, attributes: draw.attributes,
                                   instruction: instruction?.render(draw.values))
        }
        let system = system?.render(draws.first?.values ?? [:]) ?? PromptBuilder.groupSystemPrompt
        return (system, PromptBuilder.groupPrompt(context: context, examples: examples, asks: asks), draws.map(\.attributes))
    }

    /// The slot's messages. Attributes come from their own stream of the slot's seed, so adding them does not
    /// change which examples a slot shows.
    public func messages(context: GenerationContext, examples: [JSONValue], slot: SlotRequest) -> Messages {
        let (drawn, values) = draw(context: context, slot: slot)
        let user = PromptBuilder.userPrompt(
            context: context, examples: examples, targetLabel: slot.targetLabel, attributes: drawn,
            instruction: instruction?.render(values))
        return Messages(system: system?.render(values) ?? PromptBuilder.systemPrompt, user: user, attributes: drawn)
    }
}
