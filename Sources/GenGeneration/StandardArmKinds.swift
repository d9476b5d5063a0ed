import GenCore
import GenPipeline
import GenProviders

/// The built-in arm kinds' parameter specs and factories.
enum StandardArmKinds {
    static let decoding: [ParameterSpec] = [
        ParameterSpec(name: "model", type: .model, isRequired: true, summary: "the model that generates"),
        ParameterSpec(name: "temperature", type: .float, defaultValue: .double(0.7), minimum: 0, maximum: 2,
                      summary: "sampling temperature"),
        ParameterSpec(name: "top_p", type: .float, defaultValue: .double(1), minimum: 0, maximum: 1, minimumExclusive: true,
                      summary: "nucleus sampling mass"),
        ParameterSpec(name: "max_tokens", type: .int, defaultValue: .int(256), minimum: 1, maximum: 32_768,
                      summary: "upper bound on tokens per sample"),
    ]

    /// An LLM arm's own prompt (see `ArmPrompting`).
    static let prompting: [ParameterSpec] = [
        ParameterSpec(name: "attributes", type: .record(fields: [:], open: true), defaultValue: .null, innerFamily: "attribute",
                      summary: "dimension -> values (or label -> values, or discover(...)); each sample draws one value per dimension"),
        ParameterSpec(name: "instruction", type: .string, defaultValue: .null,
                      summary: "the ask, replacing \"Write one new sample...\"; {label}, {domain}, {label_field} and attribute names are filled in"),
        ParameterSpec(name: "system", type: .string, defaultValue: .null,
                      summary: "the system message, replacing the built-in one; same placeholders"),
        ParameterSpec(name: "per_call", type: .int, defaultValue: .null, minimum: 1, maximum: 20,
                      summary: "samples asked for in one request, as a JSON array (the shared prompt is paid once)"),
    ]

    /// `discover("what varies", n: 8)` as a dimension's value: the arm's model proposes n values per label at run start.
    static let discover = KindSpec(
        family: "attribute", name: AttributeSource.discoverKind,
        parameters: [
            ParameterSpec(name: "description", type: .string, defaultValue: .null,
                          summary: "what varies, in words (default: the dimension's name)"),
            ParameterSpec(name: "n", type: .int, defaultValue: .int(AttributeSource.defaultCount),
                          minimum: Double(AttributeSource.counts.lowerBound), maximum: Double(AttributeSource.counts.upperBound),
                          summary: "values asked for per label"),
        ],
        positional: ["description"],
        summary: "values the arm's model proposes once per label at run start, stored in the run (one call per label)")

    static let naive = KindSpec(
        family: "arm", name: "naive", parameters: decoding + prompting, positional: ["model"],
        summary: "one call per sample; prompt from the spec and its seed examples")

    static let fewshot = KindSpec(
        family: "arm", name: "fewshot",
        parameters: decoding + prompting + [
            ParameterSpec(name: "k", type: .int, defaultValue: .int(3), minimum: 1, maximum: 20,
                          summary: "examples drawn from samples accepted in this run"),
            ParameterSpec(name: "seeds", type: .int, defaultValue: .null, minimum: 0, maximum: 20,
                          summary: "seed examples shown beside the k accepted ones, so real data stays in the mix"),
        ],
        positional: ["model"],
        summary: "like naive, with k examples drawn from the samples already accepted")

    static let evolve = KindSpec(
        family: "arm", name: "evolve",
        parameters: decoding + prompting + [
            ParameterSpec(name: "mutation", type: .string, defaultValue: .string("make it different in wording and situation"),
                          summary: "the change asked for, e.g. \"make it harder to classify\""),
            ParameterSpec(name: "from", type: .string, defaultValue: .string("accepted"),
                          summary: "\"accepted\" (samples accepted in this run, seeds until there are some) or \"seeds\""),
            ParameterSpec(name: "label", type: .string, defaultValue: .string("same"),
                          summary: "\"same\": keep the label; \"other\": minimally edit a sample of another label into the slot's label"),
        ],
        positional: ["model"],
        summary: "rewrites an accepted sample or a seed along a mutation (Evol-Instruct); contrastive pairs with label: \"other\"")

    static let template = KindSpec(
        family: "arm", name: "template",
        parameters: [
            ParameterSpec(name: "slots", type: .record(fields: [:], open: true), defaultValue: .object([:]),
                          summary: "slot name -> list of values, used as {name} in patterns"),
            ParameterSpec(name: "by_label", type: .record(fields: [:], open: true), defaultValue: .object([:]),
                          summary: "label -> patterns for the text field"),
            ParameterSpec(name: "fields", type: .record(fields: [:], open: true), defaultValue: .object([:]),
                          summary: "field -> patterns"),
            ParameterSpec(name: "text_field", type: .string, defaultValue: .null,
                          summary: "the field by_label fills (default: the first string field)"),
        ],
        summary: "Chatito-style expansion of patterns and slots; no model")

    /// `naive`: examples from the spec's seeds.
    static func makeNaiveArm(_ node: ArmNode, _ spec: KindSpec, _ environment: ArmEnvironment) throws -> any Arm {
        try makeLLMArm(node, spec, environment, examples: .seeds)
    }

    /// `fewshot`: `k` examples drawn from the samples accepted so far.
    static func makeFewshotArm(_ node: ArmNode, _ spec: KindSpec, _ environment: ArmEnvironment) throws -> any Arm {
        let k = ArmParameters(values: node.parameters, spec: spec).int("k") ?? 3
        return try makeLLMArm(node, spec, environment, examples: .accepted(k: k, seeds: ArmParameters(values: node.parameters, spec: spec).int("seeds") ?? 0))
    }

    /// `evolve`: a naive arm whose ask is to change an existing sample.
    static func makeEvolveArm(_ node: ArmNode, _ spec: KindSpec, _ environment: ArmEnvironment) throws -> any Arm {
        let parameters = ArmParameters(values: node.parameters, spec: spec)
        let evolution = Evolution(
            mutation: parameters.string("mutation") ?? "make it different",
            source: Evolution.Source(rawValue: parameters.string("from") ?? "") ?? .accepted,
            label: Evolution.LabelMode(rawValue: parameters.string("label") ?? "") ?? .same)
        return try makeLLMArm(node, spec, environment, examples: .seeds, evolution: evolution)
    }

    static func validateEvolve(_ node: ArmNode, _ spec: KindSpec, _ specNode: SpecNode) -> [String] {
        let parameters = ArmParameters(values: node.parameters, spec: spec)
        var problems = validatePrompting(node, spec, specNode)
            + Evolution.problems(source: parameters.string("from"), label: parameters.string("label"))
        if parameters.string("label") == "other", specNode.labelField == nil {
            problems.append("`label: \"other\"` needs a label field in the output schema")
        }
        return problems
    }

    static func makeLLMArm(
        _ node: ArmNode, _ spec: KindSpec, _ environment: ArmEnvironment, examples: LLMArm.ExampleSource, evolution: Evolution? = nil
    ) throws -> any Arm {
        guard let model = node.model else { throw ArmError.missingModel(arm: node.name, kind: node.kind) }
        guard let client = environment.clients[model] else { throw ArmError.unknownModel(arm: node.name, model: model) }
        let parameters = ArmParameters(values: node.parameters, spec: spec)
        return LLMArm(
            name: node.name, client: client, model: environment.modelNames[model] ?? model,
            temperature: parameters.double("temperature"), topP: parameters.double("top_p"),
            maxTokens: parameters.int("max_tokens"), examples: examples, recordedParameters: node.parameters,
            prompting: prompting(node), perCall: parameters.int("per_call") ?? 1, evolution: evolution)
    }

    static func prompting(_ node: ArmNode) -> ArmPrompting {
        ArmPrompting(
            attributes: AttributeSpace(node.parameters["attributes"]),
            instruction: node.parameters["instruction"]?.stringValue.map(PromptText.init),
            system: node.parameters["system"]?.stringValue.map(PromptText.init))
    }

    /// Attribute lists and per-label keys, and the placeholders of `instruction` and `system`.
    static func validatePrompting(_ node: ArmNode, _ spec: KindSpec, _ specNode: SpecNode) -> [String] {
        prompting(node).problems(labels: specNode.labels)
    }

    /// Unknown or empty slots and unbalanced braces in patterns, `by_label` keys that are not labels, `fields`
    /// keys that are not fields: each failed only when the run started (exit 70), or never.
    static func validateTemplate(_ node: ArmNode, _ spec: KindSpec, _ specNode: SpecNode) -> [String] {
        let parameters = ArmParameters(values: node.parameters, spec: spec)
        var problems = templateArm(node, spec).problems
        let fields = specNode.output.fields.map(\.name)
        if let labelField = specNode.labelField, case .enumeration(let labels)? = specNode.output.field(named: labelField)?.type {
            for key in parameters.stringLists("by_label").keys.sorted() where !labels.contains(key) {
                problems.append("`by_label` key \"\(key)\" is not a label; the labels: " + labels.map { "\"\($0)\"" }.joined(separator: ", "))
            }
        } else if !parameters.stringLists("by_label").isEmpty {
            problems.append("`by_label` needs a label field in the output schema")
        }
        for key in parameters.stringLists("fields").keys.sorted() where !fields.contains(key) {
            problems.append("`fields` key \"\(key)\" is not a field of the output; its fields: " + fields.joined(separator: ", "))
        }
        return problems
    }

    static func templateArm(_ node: ArmNode, _ spec: KindSpec) -> TemplateArm {
        let parameters = ArmParameters(values: node.parameters, spec: spec)
        return TemplateArm(
            name: node.name, slots: parameters.stringLists("slots"), byLabel: parameters.stringLists("by_label"),
            fields: parameters.stringLists("fields"), textField: node.parameters["text_field"]?.stringValue,
            recordedParameters: node.parameters)
    }

    static func makeTemplateArm(_ node: ArmNode, _ spec: KindSpec, _ environment: ArmEnvironment) throws -> any Arm {
        let arm = templateArm(node, spec)
        let problems = arm.problems
        guard problems.isEmpty else { throw ArmError.badTemplate(arm: node.name, problems: problems) }
        return arm
    }
}
