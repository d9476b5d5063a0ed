import GenCore
import GenPipeline

/// A model-backed (or sample-level) check that quality rules and scores call: `similarity`, `entails`, `judge`,
/// `valid`. Calls are hoisted out of the expression into `ModelCheckNode`s the runtime performs first.
public struct QualityCheckSpec: Sendable, Equatable {
    /// Parameters and positional order; a parameter named `using` (type model) picks the model that serves it.
    public var kind: KindSpec
    /// What the check yields to the expression (float scores in [0, 1], or bool for `valid`).
    public var result: GenType

    public init(kind: KindSpec, result: GenType) {
        self.kind = kind
        self.result = result
    }
}

/// Everything the checker knows about the host: functions, the kinds scripts can create, and how to evaluate
/// constants at compile time. `CheckEnvironment.standard()` describes the standard runtime; the engine replaces
/// parts with its registries' own lists (`FunctionRegistry.signatures`, `ArmRegistry.specs`, ...).
public struct CheckEnvironment: Sendable {
    /// Builtin and host functions; several entries with one name are overloads, tried in order.
    public var functions: [FunctionSignature]
    public var armKinds: [KindSpec]
    public var routerPolicies: [KindSpec]
    public var modelProviders: [KindSpec]
    public var dedupMethods: [KindSpec]
    public var diversityMethods: [KindSpec]
    public var qualityChecks: [QualityCheckSpec]
    /// Classifier names the `evaluate` block may pick; the first is the default.
    public var classifiers: [String]
    /// Language versions this checker accepts in the `gen MAJOR.MINOR` line.
    public var languageVersions: [String]
    /// False skips the version check (`--no-version-check`).
    public var checksVersion: Bool
    /// False lets a partial program (no spec, arm, router or reward yet) check without "missing declaration"
    /// errors; the graph is still built only once all of them are there. The REPL checks declarations as they come.
    public var requiresCompletePipeline = true
    /// Evaluates constants, model and spec attributes, `evaluate`'s `test:` at compile time.
    public var constantEvaluator: any ConstantEvaluator

    public init(
        functions: [FunctionSignature], armKinds: [KindSpec], routerPolicies: [KindSpec], modelProviders: [KindSpec],
        dedupMethods: [KindSpec], diversityMethods: [KindSpec], qualityChecks: [QualityCheckSpec], classifiers: [String],
        languageVersions: [String], checksVersion: Bool = true, constantEvaluator: any ConstantEvaluator
    ) {
        self.functions = functions
        self.armKinds = armKinds
        self.routerPolicies = routerPolicies
        self.modelProviders = modelProviders
        self.dedupMethods = dedupMethods
        self.diversityMethods = diversityMethods
        self.qualityChecks = qualityChecks
        self.classifiers = classifiers
        self.languageVersions = languageVersions
        self.checksVersion = checksVersion
        self.constantEvaluator = constantEvaluator
    }

    /// The standard runtime's functions and kinds (see `StandardEnvironment`), with the given evaluator.
    public static func standard(constantEvaluator: any ConstantEvaluator) -> CheckEnvironment {
        CheckEnvironment(
            functions: StandardEnvironment.functions, armKinds: StandardEnvironment.armKinds,
            routerPolicies: StandardEnvironment.routerPolicies, modelProviders: StandardEnvironment.modelProviders,
            dedupMethods: StandardEnvironment.dedupMethods, diversityMethods: StandardEnvironment.diversityMethods,
            qualityChecks: StandardEnvironment.qualityChecks, classifiers: StandardEnvironment.classifiers,
            languageVersions: ["0.1"], constantEvaluator: constantEvaluator)
    }

    /// Kinds of one family ("arm", "model", "router", "dedup", "diversity").
    func kinds(of family: KindFamily) -> [KindSpec] {
        switch family {
        case .arm: armKinds
        case .model: modelProviders
        case .router: routerPolicies
        case .dedup: dedupMethods
        case .diversity: diversityMethods
        }
    }
}

/// The families of things a script creates by calling a kind.
enum KindFamily: String, CaseIterable, Sendable {
    case arm, model, router, dedup, diversity

    /// Where a call to a kind of this family may appear, for messages.
    var place: String {
        switch self {
        case .arm: "an `arm` declaration or a function returning an arm"
        case .model: "a `model` declaration or a function returning a model"
        case .router: "the `router` declaration"
        case .dedup: "a quality `dedup` entry"
        case .diversity: "a quality `diversity` entry"
        }
    }

    /// The value type a kind call of this family has in expressions.
    var valueType: GenType {
        switch self {
        case .arm: .arm
        case .model: .model
        default: .any
        }
    }
}
