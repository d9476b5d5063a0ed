import Foundation
import GenChecks
import GenCore
import GenEval
import GenGeneration
import GenPipeline
import GenQuality
import GenRouter
import GenRun
import GenRuntime
import GenSemantics
import GenReport

/// Everything the engine can do, in one value: functions, arm kinds, router policies, model providers, quality
/// checks (model-backed and in process), dedup and diversity methods, classifiers and the reward's metrics.
///
/// Each runtime module registers what it implements; the checker's environment is *derived* from this value
/// (`checkEnvironment`), and the run builds its arms, router and quality checks from the same value, so what
/// `gen check` accepts is exactly what `gen run` executes. A host adds to it with the `register` methods.
public struct Capabilities: Sendable {
    public private(set) var functions: FunctionRegistry
    public private(set) var arms: ArmRegistry
    public private(set) var policies: PolicyRegistry
    public private(set) var modelChecks: ModelCheckRegistry
    public private(set) var inProcessChecks: InProcessCheckRegistry
    /// The classifiers `evaluate { classifier: ... }` may name (GenEval's); the default first.
    public private(set) var classifiers: ClassifierRegistry
    /// A host's own dedup and diversity methods (the standard ones are the in-process pool's).
    public private(set) var poolGates: PoolGateRegistry
    /// The providers `Engine.clients(for:)` builds clients for.
    public let modelProviders: [KindSpec]
    /// The in-process pool's methods (GenQuality's `QualityMethods`), then the host's.
    public var dedupMethods: [KindSpec] { QualityMethods.dedup + poolGates.specs(family: "dedup") }
    public var diversityMethods: [KindSpec] { QualityMethods.diversity + poolGates.specs(family: "diversity") }
    /// The names the reward expression may use (GenRun's `RewardMetric` table).
    public let rewardMetrics: [RewardMetricSpec]
    /// The figures an `expect` block may bound and `gen test` measures (GenReport's `ExpectationFigures` table).
    public let expectations: [ExpectationFigure]

    /// The standard runtime: every module's own registrations.
    public static var standard: Capabilities {
        Capabilities(
            functions: .standard, arms: .standard, policies: .standard, modelChecks: .standard, inProcessChecks: .standard,
            classifiers: .standard, poolGates: PoolGateRegistry(), modelProviders: [ModelProviders.openai],
            rewardMetrics: RewardMetric.table, expectations: ExpectationFigures.standard)
    }

    // MARK: Host registrations

    /// A host function: scripts can call it, and the checker knows its parameter and result types.
    public mutating func register(_ signature: FunctionSignature, implementation: @escaping FunctionRegistry.Implementation) {
        functions.register(signature: signature, implementation: implementation)
    }

    /// An arm kind: its parameters (checked by `gen check`) and the factory the run calls.
    public mutating func register(armKind spec: KindSpec, make: @escaping ArmRegistry.Factory) {
        arms.register(spec, make: make)
    }

    /// A router policy type: its name, parameters and ranges come from the type itself.
    public mutating func register<Policy: RouterPolicy>(policy: Policy.Type) {
        policies.register(policy)
    }

    /// A quality check computed in process (no model).
    public mutating func register(check: any InProcessCheck) {
        inProcessChecks.register(check)
    }

    /// A quality check served by a model.
    public mutating func register(modelCheck: any ModelCheckKind) {
        modelChecks.register(modelCheck)
    }

    /// A dedup or diversity method (its spec's family says which), run after the standard gates.
    public mutating func register(gate: any PoolGate) {
        poolGates.register(gate)
    }

    /// A classifier the evaluation stage can train (`evaluate { classifier: "NAME" }`).
    public mutating func register(classifier name: String, make: @escaping ClassifierRegistry.Factory) {
        classifiers.register(name, make: make)
    }

    // MARK: Derived views

    /// Every quality check's signature: in process first, then model-backed, each by name.
    public var qualityChecks: [QualityCheckSpec] { inProcessChecks.signatures + modelChecks.signatures }

    /// Functions in the order the checker tries overloads: by name, overloads as registered.
    public var functionSignatures: [FunctionSignature] {
        functions.signatures.keys.sorted().flatMap { functions.signatures[$0] ?? [] }
    }

    public var routerPolicies: [KindSpec] { RouterKindSpecs.specs(policies) }

    /// What the checker may refer to, derived from this value; constants are evaluated by the real interpreter
    /// with `environment` (the directory `read_jsonl` may not leave and the variables `env` reads).
    public func checkEnvironment(environment: any ScriptEnvironment, checksVersion: Bool = true) -> CheckEnvironment {
        var checkEnvironment = CheckEnvironment(
            functions: functionSignatures, armKinds: arms.specs, routerPolicies: routerPolicies, modelProviders: modelProviders,
            dedupMethods: dedupMethods, diversityMethods: diversityMethods, qualityChecks: qualityChecks,
            classifiers: classifiers.names, rewardMetrics: rewardMetrics, expectAttributes: expectations.map(\.attribute),
            languageVersions: Self.languageVersions,
            checksVersion: checksVersion, constantEvaluator: InterpreterConstantEvaluator(registry: functions, environment: environment))
        checkEnvironment.attributeSources = arms.attributeSources
        return checkEnvironment
    }

    /// What the report shows of these capabilities.
    public var reportView: ReportCapabilities { ReportCapabilities(qualityChecks: qualityChecks) }

    /// Language versions this engine accepts in the `gen MAJOR.MINOR` line.
    public static let languageVersions = ["0.1"]
}
