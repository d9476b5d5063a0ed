import GenChecks
import GenCore
import GenPipeline
import GenProviders
import GenRun
import GenRuntime

/// Specs, nodes and checkers shared by the tests.
enum Fixtures {
    static let source = SourceRef(file: "test.gen", offset: 0, length: 0, line: 1, column: 1)

    static func spec(examples: [JSONValue] = [], constraints: [String] = ["one or two sentences", "no real card numbers"]) -> SpecNode {
        SpecNode(
            name: "bank", domain: "customer messages to a bank's support chat",
            output: OutputSchema(fields: [
                SchemaField(name: "text", type: .string()),
                SchemaField(name: "label", type: .enumeration(["lost_card", "check_balance"])),
            ]),
            outputName: "Message", count: 10, batch: 5, constraints: constraints, examples: examples,
            labelField: "label", quotas: [:], budget: BudgetNode(), source: source)
    }

    static let sample: JSONValue = .object(["text": .string("I lost my card yesterday."), "label": .string("lost_card")])

    static func context(spec: SpecNode = spec(), sample: JSONValue = sample) -> ModelCheckContext {
        ModelCheckContext(spec: spec, sample: sample)
    }

    static func node(_ check: String, model: String? = "judge") -> ModelCheckNode {
        ModelCheckNode(check: check, model: model, arguments: [], source: source)
    }

    static func checker(_ client: any LLMClient, name: String = "judge", cache: any CheckCache = InMemoryCheckCache()) -> StandardModelChecker {
        StandardModelChecker(models: [name: CheckModel(name: name, client: client, model: "smollm2")], cache: cache)
    }

    static var sampleValue: Value { Value(json: sample) }
}

extension PipelineGraph {
    /// A minimal graph: the given models and spec, no arms, a constant reward.
    static func testGraph(models: [ModelNode], spec: SpecNode) -> PipelineGraph {
        PipelineGraph(
            languageVersion: "1", script: ScriptIdentity(path: "test.gen", sha256: "0"), models: models, spec: spec, arms: [],
            router: RouterNode(policy: "thompson", parameters: [:], source: Fixtures.source), quality: [],
            reward: IRExpr(.float(1), type: .float, source: Fixtures.source), evaluation: nil, constants: [:], functions: [])
    }
}
