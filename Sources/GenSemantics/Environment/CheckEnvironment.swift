import GenCore
import GenPipeline

/// Everything the checker knows about the host: functions, the kinds scripts can create, the quality checks,
/// the reward's metrics and how to evaluate constants at compile time.
///
/// The checker never declares any of these itself: the engine derives this value from its capabilities (the
/// registries the run executes), so a name, parameter, type, default or range the checker accepts is the runtime's.
public struct CheckEnvironment: Sendable {
    /// Builtin and host functions; several entries with one name are overloads, tried in order.
    public var functions: [FunctionSignature]
    public var armKinds: [KindSpec]
    public var routerPolicies: [KindSpec]
    public var modelProviders: [KindSpec]
    public var dedupMethods: [KindSpec]
    public var diversityMethods: [KindSpec]
    /// Kinds callable only inside a parameter that names their family (`discover` in an arm's `attributes`).
    public var attributeSources: [KindSpec] = []
    public var qualityChecks: [QualityCheckSpec]
    /// Classifier names the `evaluate` block may pick; the first is the default.
    public var classifiers: [String]
    /// The names the reward expression may use besides `scores`.
    public var rewardMetrics: [RewardMetricSpec]
    /// The attributes an `expect` block may bound (`min_accepted`, ...), from the figures `gen test` measures.
    public var expectAttributes: [ParameterSpec]
    /// Language versions this checker accepts in the `gen MAJOR.MINOR` line.
    public var languageVersions: [String]
    /// False skips the version check.
    public var checksVersion: Bool
    /// False lets a partial program (no spec, arm, router or reward yet) check without "missing declaration"
    /// errors; the graph is still built only once all of them are there. The REPL checks declarations as they come.
    public var requiresCompletePipeline = true
    /// Evaluates constants, model and spec attributes, `evaluate`'s `test:` at compile time.
    public var constantEvaluator: any ConstantEvaluator

    public init(
        functions: [FunctionSignature], armKinds: [KindSpec], routerPolicies: [KindSpec], modelProviders: [KindSpec],
        dedupMethods: [KindSpec], diversityMethods: [KindSpec], qualityChecks: [QualityCheckSpec], classifiers: [String],
        rewardMetrics: [RewardMetricSpec], expectAttributes: [ParameterSpec], languageVersions: [String], checksVersion: Bool = true,
        constantEvaluator: any ConstantEvaluator
    ) {
        self.functions = functions
        self.armKinds = armKinds
        self.routerPolicies = routerPolicies
        self.modelProviders = modelProviders
        self.dedupMethods = dedupMethods
        self.diversityMethods = diversityMethods
        self.qualityChecks = qualityChecks
        self.classifiers = classifiers
        self.rewardMetrics = rewardMetrics
        self.expectAttributes = expectAttributes
        self.languageVersions = languageVersions
        self.checksVersion = checksVersion
        self.constantEvaluator = constantEvaluator
    }

    /// Kinds of one family ("arm", "model", "router", "dedup", "diversity").
    func kinds(of family: KindFamily) -> [KindSpec] {
        switch family {
        case .arm: armKinds
        case .model: modelProviders
        case .router: routerPolicies
        case .dedup: dedupMethods
        case .diversity: diversityMethods
        case .attribute: attributeSources
        }
    }

    /// The reward's bound names and their types.
    var metricTypes: [String: GenType] {
        Dictionary(rewardMetrics.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The families of things a script creates by calling a kind.
enum KindFamily: String, CaseIterable, Sendable {
    case arm, model, router, dedup, diversity, attribute

    /// Where a call to a kind of this family may appear, for messages.
    var place: String {
        switch self {
        case .arm: "an `arm` declaration or a function returning an arm"
        case .model: "a `model` declaration or a function returning a model"
        case .router: "the `router` declaration"
        case .dedup: "a quality `dedup` entry"
        case .diversity: "a quality `diversity` entry"
        case .attribute: "an arm's `attributes` record, as a dimension's value"
        }
    }

    /// What a call of this family makes, for "`x` makes ... and can only be used in ...".
    var product: String { self == .attribute ? "an attribute's values" : "a \(rawValue)" }

    /// A short example of the right place, for families whose place is easy to miss.
    var example: String? {
        self == .attribute ? "write it as a dimension's value: arm a = naive(m, attributes: {subtopic: discover(\"the subject\", n: 8)})" : nil
    }

    /// Families called inside another kind's argument, so never lowered on their own: their literal
    /// arguments are range-checked where they are written.
    var isInner: Bool { self == .attribute }

    /// The value type a kind call of this family has in expressions.
    var valueType: GenType {
        switch self {
        case .arm: .arm
        case .model: .model
        default: .any
        }
    }
}
