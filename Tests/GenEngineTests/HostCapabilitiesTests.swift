import Foundation
import Testing
import GenCore
import GenEval
import GenGeneration
import GenPipeline
import GenReport
import GenRouter
import GenRun
import GenRuntime
import GenStore
import GenTestSupport
@testable import GenEngine

/// A host's own arm kind, router policy, in-process check and function: registered once in the engine's
/// capabilities, checked by the checker against their own signatures, and executed by the run.
enum HostPieces {
    /// Writes "<word> number <n>" in process; `words` (an int in [1, 3]) says how many words.
    static let counterArm = KindSpec(family: "arm", name: "counter", parameters: [
        ParameterSpec(name: "words", type: .int, defaultValue: .int(2), minimum: 1, maximum: 3, summary: "words per sample"),
    ], summary: "numbered phrases, no model")

    struct CounterArm: Arm {
        let name: String
        let words: Int
        func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
            slots.map { slot in
                let text = Array(repeating: "WORD", count: words).joined(separator: " ") + " number \(slot.seed % 1_000_000)"
                // A label too, for the scripts whose schema asks for one (undeclared fields are stripped).
                let sample = JSONValue.object(["text": .string(text), "label": .string(slot.targetLabel ?? "a")])
                return Candidate(arm: name, slot: slot.slot, targetLabel: slot.targetLabel, sample: sample,
                                 rawText: text, failure: nil, promptTokens: 1, completionTokens: 1)
            }
        }
    }

    /// Takes arms in turn, starting at `start`.
    struct RoundRobin: RouterPolicy {
        static let name = "round_robin"
        static let summary = "arms in turn"
        static let parameterSpecs = [
            PolicyParameter(name: "start", defaultValue: 0, range: ParameterRange(lower: 0, upper: 10), summary: "first arm"),
            .floor(default: 0),
        ]
        let parameters: PolicyParameters
        var arms: ArmTable
        var discount: Double { 1 }
        init(parameters: PolicyParameters, arms: ArmTable) {
            self.parameters = parameters
            self.arms = arms
        }
        func pick(among eligible: [Int], context: SlotContext, using rng: inout SeededRandom) -> Int {
            eligible[(Int(parameters.values["start"] ?? 0) + context.pendingTotal) % eligible.count]
        }
    }

    /// The share of upper-case letters, in [0, 1].
    struct Shouting: InProcessCheck {
        let signature = QualityCheckSpec(kind: KindSpec(family: "check", name: "shouting", parameters: [
            ParameterSpec(name: "text", type: .string, isRequired: true, summary: "the text"),
        ], positional: ["text"], summary: "share of upper-case letters"), result: .float, execution: .inProcess)
        func evaluate(_ arguments: [Value], context: InProcessCheckContext) throws -> Value {
            guard case .string(let text)? = arguments.first else { return .float(0) }
            let letters = text.filter(\.isLetter)
            return .float(letters.isEmpty ? 0 : Double(letters.filter(\.isUppercase).count) / Double(letters.count))
        }
    }

    /// Predicts the most frequent training label, whatever the text.
    struct Majority: TextClassifier {
        let name = "majority"
        let featurizer: HashedFeaturizer
        var classes: [String] = []
        var share: [Double] = []
        mutating func fit(_ data: EncodedDataset) throws {
            var counts: [String: Int] = [:]
            for label in data.labels { counts[data.classes[label], default: 0] += 1 }
            classes = counts.keys.sorted()
            let best = classes.max { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) }
            share = classes.map { $0 == best ? 1 : 0 }
        }
        func predictProba(vector: SparseVector) -> [Double] { share }
    }

    /// A host dedup method: a sample whose first `words` words open an accepted or pending sample is a duplicate.
    struct SameOpening: PoolGate {
        let spec = KindSpec(family: "dedup", name: "same_opening", parameters: [
            ParameterSpec(name: "words", type: .int, defaultValue: .int(1), minimum: 1, maximum: 5, summary: "words compared"),
        ], positional: ["words"], summary: "same opening words as an earlier sample")

        struct State: PoolGateState {
            let words: Int
            var seen: Set<String> = []
            func opening(_ text: String) -> String { text.lowercased().split(separator: " ").prefix(words).joined(separator: " ") }
            func verdict(_ text: String, pending: [String]) -> String? {
                let opening = opening(text)
                return seen.contains(opening) || pending.map(self.opening).contains(opening) ? "opens like an earlier sample (\(opening))" : nil
            }
            mutating func accept(_ text: String) { seen.insert(opening(text)) }
        }

        func makeState(parameters: [String: JSONValue]) throws -> any PoolGateState {
            State(words: Int(parameters["words"]?.doubleValue ?? 1))
        }
    }

    static var engine: Engine {
        var capabilities = Capabilities.standard
        capabilities.register(gate: SameOpening())
        capabilities.register(classifier: "majority") { _ in Majority(featurizer: try HashedFeaturizer()) }
        capabilities.register(armKind: counterArm) { node, spec, _ in
            CounterArm(name: node.name, words: Int(node.parameters["words"]?.doubleValue ?? spec.parameter(named: "words")?.defaultValue?.doubleValue ?? 0))
        }
        capabilities.register(policy: RoundRobin.self)
        capabilities.register(check: Shouting())
        capabilities.register(
            FunctionSignature(name: "digits", parameters: [SignatureParameter(name: "text", type: .string)], result: .int,
                              summary: "the number of digits")
        ) { arguments, _ in
            guard case .string(let text)? = arguments.first else { return .int(0) }
            return .int(text.filter(\.isNumber).count)
        }
        return Engine(capabilities: capabilities, variables: [:])
    }

    static func script(arm: String = "counter()", router: String = "round_robin(start: 1)") -> String {
        """
        gen 0.1
        schema Line {
          text: string(min: 3, max: 80)
        }
        spec lines {
          domain: "Numbered phrases"
          output: Line
          count: 6
          batch: 3
        }
        arm short = counter(words: 1)
        arm long = \(arm)
        router \(router)
        quality {
          rule "has a number" digits(sample.text) > 0
          score "loud" shouting(sample.text) weight 1
          dedup exact()
        }
        reward = passed * scores["loud"]
        """
    }
}

@Suite struct HostCapabilitiesTests {
    func compile(_ text: String) -> Compilation {
        HostPieces.engine.compile(source: text, path: "lines.gen", directory: StubModelServer.temporaryDirectory())
    }

    @Test func aHostsArmPolicyCheckAndFunctionPassTheCheckerWithTheirOwnSignatures() throws {
        let compilation = compile(HostPieces.script())
        #expect(compilation.diagnostics.isEmpty, "\(compilation.rendered())")
        let graph = try #require(compilation.graph)
        // The default the checker lowers is the one the host declared, not a copy.
        #expect(graph.arms.first { $0.name == "long" }?.parameters["words"] == HostPieces.counterArm.parameter(named: "words")?.defaultValue)
        #expect(graph.router.policy == "round_robin" && graph.router.parameters["start"] == 1)
        #expect(graph.quality.flatMap(\.modelChecks).map(\.check) == ["shouting"])
    }

    @Test func theHostsRangesAreTheCheckersRanges() {
        let arm = compile(HostPieces.script(arm: "counter(words: 4)")).rendered()
        #expect(arm.contains("`words` must be in [1, 3], got 4"), "\(arm)")
        let policy = compile(HostPieces.script(router: "round_robin(start: 11)")).rendered()
        #expect(policy.contains("`start` must be in [0, 10], got 11"), "\(policy)")
        let unknown = compile(HostPieces.script(router: "round_robin(stride: 2)")).rendered()
        #expect(unknown.contains("stride"), "\(unknown)")
    }

    /// Before, the run built its router from `PolicyRegistry.standard`: a host policy passed `gen check` and then
    /// failed at start with "unknown router policy".
    @Test func aRunUsesTheHostsPiecesEndToEnd() async throws {
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("lines.gen")
        try HostPieces.script().write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let result = try await HostPieces.engine.run(RunRequest(scriptPath: script.path, outDirectory: out, seed: 5))
        #expect(result.outcome.end == .targetReached)
        #expect(result.exported.accepted == 6)
        let store = try RunStore(opening: out, access: .readOnly)
        let first = try await store.candidates(batch: 0).map(\.record)
        // round_robin(start: 1) gives the first slot to the second arm.
        #expect(first.map(\.arm) == ["long", "short", "long"])
        let loud = try #require(first.first?.checks.first { $0.kind == "shouting" })
        #expect(loud.method == "in process")
        // The report reads the same capabilities: how the host's check ran and what it measures.
        let report = try await ReportWriter.write(runDirectory: out, capabilities: HostPieces.engine.capabilities.reportView)
        let html = try String(contentsOf: report.report, encoding: .utf8)
        #expect(html.contains("<td>loud: shouting</td><td>shouting</td><td>in process</td><td>share of upper-case letters</td>"))
        // The reward is scores["loud"]: "WORD WORD number n" is 8 upper-case letters of 14.
        #expect(abs((first.first?.reward ?? 0) - 8.0 / 14.0) < 1e-9)
    }

    @Test func aHostsClassifierTrainsInTheEvaluationStage() async throws {
        let directory = StubModelServer.temporaryDirectory()
        try "{\"text\": \"WORD number 1\", \"label\": \"a\"}\n{\"text\": \"number 2\", \"label\": \"b\"}\n"
            .write(to: directory.appendingPathComponent("test.jsonl"), atomically: true, encoding: .utf8)
        let script = directory.appendingPathComponent("lines.gen")
        let text = HostPieces.script().replacingOccurrences(of: "  text: string(min: 3, max: 80)", with: "  text: string(min: 3, max: 80)\n  label: enum(\"a\", \"b\")")
            + "\nevaluate {\n  task: classify(text -> label)\n  test: read_jsonl(\"test.jsonl\")\n  classifier: \"majority\"\n}\n"
        try text.write(to: script, atomically: true, encoding: .utf8)
        let unknown = HostPieces.engine.compile(source: text.replacingOccurrences(of: "\"majority\"", with: "\"forest\""),
                                                path: "lines.gen", directory: directory)
        #expect(unknown.rendered().contains("majority"), "the hint lists the host's classifier: \(unknown.rendered())")
        let out = directory.appendingPathComponent("run")
        let result = try await HostPieces.engine.run(RunRequest(scriptPath: script.path, outDirectory: out, seed: 5))
        #expect(result.outcome.end == .targetReached)
        let store = try RunStore(opening: out, access: .readOnly)
        let evaluation = try #require(try await store.evaluations().last)
        #expect(evaluation.metrics["model"] == .string("majority"))
    }

    @Test func aHostsDedupMethodIsCheckedAndRunsAfterTheStandardGates() async throws {
        let text = HostPieces.script().replacingOccurrences(of: "  dedup exact()", with: "  dedup same_opening(2)")
        #expect(compile(text.replacingOccurrences(of: "same_opening(2)", with: "same_opening(9)")).rendered()
            .contains("`words` must be in [1, 5], got 9"))
        let graph = try #require(compile(text).graph, "\(compile(text).rendered())")
        #expect(graph.quality.last == .hostGate(.dedup, name: "same_opening", parameters: ["words": .int(2)], source: graph.quality.last!.source))
        let json = try JSONEncoder().encode(graph)
        #expect(try JSONDecoder().decode(PipelineGraph.self, from: json).quality.last == graph.quality.last)

        let engine = HostPieces.engine
        let quality = try ScriptQuality(graph: graph, interpreter: try Interpreter(graph: graph, registry: engine.functions),
                                        checker: nil, inProcess: engine.capabilities.inProcessChecks, gates: engine.capabilities.poolGates)
        func candidate(_ slot: Int, _ text: String) -> Candidate {
            Candidate(arm: "a", slot: slot, targetLabel: nil, sample: .object(["text": .string(text)]), rawText: text, failure: nil)
        }
        let first = try await quality.assess([candidate(0, "The red fox 1"), candidate(1, "the red hen 2"), candidate(2, "a blue bird 3")])
        #expect(first.map(\.passed) == [true, false, true])
        #expect(first[1].reasons == ["duplicate: opens like an earlier sample (the red)"])
        #expect(first[1].checks.last?.stage == "dedup same_opening")
        await quality.commit(accepted: [.object(["text": .string("a blue bird 3")])])
        let second = try await quality.assess([candidate(0, "A blue sky 4"), candidate(1, "green 5")])
        #expect(second.map(\.passed) == [false, true])
    }

    /// Constants are evaluated at check time by the run's own interpreter, host functions included (the
    /// checker's own evaluator knew only a handful of builtins).
    @Test func constantsUseTheRealInterpreterWithHostFunctions() throws {
        let text = HostPieces.script().replacingOccurrences(of: "count: 6", with: "count: digits(\"a1b2c3d4\")")
        let graph = try #require(compile(text).graph, "\(compile(text).rendered())")
        #expect(graph.spec.count == 4)
    }

    /// The default every standard and host arm kind lowers to is the runtime's own (the checker's copy made
    /// `top_p` the int 1 while the run read 1.0, and gave `text_field` another default).
    @Test func everyArmKindsDefaultsAreTheRuntimes() throws {
        let engine = HostPieces.engine
        for spec in engine.capabilities.arms.specs where spec.parameters.allSatisfy({ !$0.isRequired || $0.type == .model }) {
            let call = spec.parameters.contains { $0.name == "model" } ? "\(spec.name)(local)" : "\(spec.name)()"
            let text = HostPieces.script(arm: call).replacingOccurrences(
                of: "gen 0.1\n", with: "gen 0.1\nmodel local = openai(base_url: \"http://127.0.0.1:1/v1\", model: \"m\")\n")
            let compilation = engine.compile(source: text, path: "lines.gen", directory: StubModelServer.temporaryDirectory())
            let graph = try #require(compilation.graph, "\(spec.name): \(compilation.rendered())")
            let arm = try #require(graph.arms.first { $0.name == "long" })
            for parameter in spec.parameters where parameter.type != .model {
                let expected = parameter.defaultValue == .null ? nil : parameter.defaultValue
                #expect(arm.parameters[parameter.name] == expected, "\(spec.name).\(parameter.name)")
            }
        }
    }

    /// Every capability the checker knows is one the engine's registries hold, with the same signature: the
    /// environment is made from them, so this holds for any host that registers anything.
    @Test func theCheckersEnvironmentIsMadeFromTheCapabilities() {
        let engine = HostPieces.engine
        let environment = engine.checkEnvironment(scriptDirectory: StubModelServer.temporaryDirectory())
        #expect(environment.armKinds == engine.capabilities.arms.specs)
        #expect(environment.qualityChecks == engine.capabilities.qualityChecks)
        #expect(environment.rewardMetrics == RewardMetric.table)
        #expect(environment.functions == engine.capabilities.functionSignatures)
        #expect(environment.classifiers == ["logreg", "majority", "nb"])
        #expect(environment.routerPolicies.contains { $0.name == "round_robin" && $0.summary == "arms in turn" })
        let floor = environment.routerPolicies.first { $0.name == "round_robin" }?.parameter(named: "floor")
        #expect(floor?.maximumPerArm == true && floor?.rangeDescription == "[0, 1/K]")
    }
}
