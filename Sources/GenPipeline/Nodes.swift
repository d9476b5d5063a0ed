import GenCore

/// An OpenAI-compatible endpoint the script declared with `model NAME = openai(...)`.
public struct ModelNode: Codable, Sendable, Equatable {
    public var name: String
    public var provider: String
    public var baseURL: String
    /// The environment variable `base_url` was read from (`env("GEN_LLM_URL", ...)`), for hints; nil when
    /// the script writes the URL itself.
    public var baseURLVariable: String?
    public var model: String
    /// The name of the environment variable holding the API key; the key itself never enters the IR.
    public var apiKeyEnv: String?
    public var maxConcurrency: Int
    /// Several base URLs (`base_urls:`) served as one pool; nil for one server (then `baseURL` is it). Optional,
    /// like the rate fields below, so graphs stored before pools decode.
    public var baseURLs: [String]?
    /// False when the script turns adaptive concurrency off (`adaptive: false`); nil means on.
    public var adaptive: Bool?
    /// Declared limits per server (`rpm:`, `tpm:`).
    public var requestsPerMinute: Int?
    public var tokensPerMinute: Int?
    public var timeoutSeconds: Double
    public var maxRetries: Int
    /// `price: {input, output}` in dollars per million tokens; nil when the script declares none (optional, so
    /// graphs stored before prices decode).
    public var price: ModelPrice?
    /// Set when the model sends its chat requests through a batch API (`mode: "batch"`); nil online (optional, so
    /// graphs stored before batch mode decode).
    public var batch: BatchModeNode?
    /// The model's license as the script declares it (`license: "apache-2.0"`), for the dataset card; nil when not
    /// declared (optional, so graphs stored before it decode).
    public var license: String?
    public var source: SourceRef

    public init(
        name: String, provider: String, baseURL: String, model: String, apiKeyEnv: String?,
        maxConcurrency: Int, timeoutSeconds: Double, maxRetries: Int, source: SourceRef, baseURLVariable: String? = nil,
        price: ModelPrice? = nil
    ) {
        self.price = price
        self.name = name
        self.provider = provider
        self.baseURL = baseURL
        self.baseURLVariable = baseURLVariable
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.maxConcurrency = maxConcurrency
        self.timeoutSeconds = timeoutSeconds
        self.maxRetries = maxRetries
        self.source = source
    }

    /// Every base URL the model's requests go to: the pool, or the one server.
    public var endpoints: [String] { baseURLs ?? [baseURL] }

    /// Where the model is served, as listings show it: `at URL`, or `at a pool of N: URL, URL`, with declared rates.
    public var servedAt: String {
        var text = endpoints.count == 1 ? "at \(baseURL)" : "at a pool of \(endpoints.count): " + endpoints.joined(separator: ", ")
        let limits = [requestsPerMinute.map { "rpm \($0)" }, tokensPerMinute.map { "tpm \($0)" }, adaptive == false ? "fixed concurrency" : nil]
            .compactMap { $0 }
        if !limits.isEmpty { text += " (" + limits.joined(separator: ", ") + ")" }
        return text
    }
}

/// `mode: "batch"`: the model's chat requests go through OpenAI's batch API.
public struct BatchModeNode: Codable, Sendable, Equatable {
    public static let defaultPollSeconds = 30.0
    /// Seconds between polls of a batch's status (`batch_poll`).
    public var pollSeconds: Double

    public init(pollSeconds: Double = BatchModeNode.defaultPollSeconds) {
        self.pollSeconds = pollSeconds
    }

    /// How `gen graph` and the report show it: "batch mode, polled every 30 s".
    public var summary: String { "batch mode, polled every \(NumberText.compact(pollSeconds)) s" }
}

/// What the script asks for: the generation context and the target.
public struct SpecNode: Codable, Sendable, Equatable {
    public var name: String
    public var domain: String
    public var output: OutputSchema
    public var outputName: String
    public var count: Int
    public var batch: Int
    public var constraints: [String]
    public var examples: [JSONValue]
    /// The field whose values get quotas (the schema's enum field named `label`, or the one the script names).
    public var labelField: String?
    /// Target share per label; balanced over the enum's values unless the script says otherwise.
    public var quotas: [String: Double]
    /// True when the script declares `quotas`: then they are limits (a passing sample of a label that already
    /// has its share is kept out as surplus); balanced quotas the script did not ask for only steer. Optional
    /// so graphs stored before it decode.
    public var quotasDeclared: Bool?
    public var budget: BudgetNode
    public var source: SourceRef
    /// `pipeline: D`: batches generating at once (nil: 1, and graphs stored before it decode).
    public var pipeline: Int?

    public init(
        name: String, domain: String, output: OutputSchema, outputName: String, count: Int, batch: Int,
        constraints: [String], examples: [JSONValue], labelField: String?, quotas: [String: Double],
        budget: BudgetNode, source: SourceRef, quotasDeclared: Bool? = nil, pipeline: Int? = nil
    ) {
        self.pipeline = pipeline
        self.name = name
        self.domain = domain
        self.output = output
        self.outputName = outputName
        self.count = count
        self.batch = batch
        self.constraints = constraints
        self.examples = examples
        self.labelField = labelField
        self.quotas = quotas
        self.quotasDeclared = quotasDeclared
        self.budget = budget
        self.source = source
    }
}

/// Limits that end a run before the target count is reached.
public struct BudgetNode: Codable, Sendable, Equatable {
    public var maxCandidates: Int?
    public var maxTokens: Int?
    /// `max_dollars`: the most the run may spend at its models' declared prices (optional, so graphs stored
    /// before it decode).
    public var maxDollars: Double?

    public init(maxCandidates: Int? = nil, maxTokens: Int? = nil, maxDollars: Double? = nil) {
        self.maxCandidates = maxCandidates
        self.maxTokens = maxTokens
        self.maxDollars = maxDollars
    }
}

/// One generation strategy. `kind` names an entry of the runtime's arm registry (naive, fewshot, template, ...);
/// parameters are already checked against that kind's parameter schema.
public struct ArmNode: Codable, Sendable, Equatable {
    public var name: String
    public var kind: String
    public var model: String?
    public var parameters: [String: JSONValue]
    public var source: SourceRef

    public init(name: String, kind: String, model: String?, parameters: [String: JSONValue], source: SourceRef) {
        self.name = name
        self.kind = kind
        self.model = model
        self.parameters = parameters
        self.source = source
    }
}

/// The bandit policy by registry name, with checked numeric parameters (epsilon, decay, cap, ...).
public struct RouterNode: Codable, Sendable, Equatable {
    public var policy: String
    public var parameters: [String: Double]
    public var source: SourceRef

    public init(policy: String, parameters: [String: Double], source: SourceRef) {
        self.policy = policy
        self.parameters = parameters
        self.source = source
    }
}

/// A call to a model-backed check inside a quality expression: `similarity`, `entails` or `judge`.
public struct ModelCheckNode: Codable, Sendable, Equatable {
    public var check: String
    /// The model that serves it; nil means the in-process fallback (lexical TF-IDF for similarity).
    public var model: String?
    /// Argument expressions, evaluated before the call; they never depend on other model checks.
    public var arguments: [IRExpr]
    public var source: SourceRef

    public init(check: String, model: String?, arguments: [IRExpr], source: SourceRef) {
        self.check = check
        self.model = model
        self.arguments = arguments
        self.source = source
    }
}

/// The downstream evaluation stage: train a small model on the accepted data, test it on real data.
public struct EvaluationNode: Codable, Sendable, Equatable {
    public var textField: String
    public var labelField: String
    /// Rows of the real test set, read at compile time; empty means cross-validation on the synthetic data.
    public var test: [JSONValue]
    public var testPath: String?
    public var train: [JSONValue]
    public var every: Int
    public var weight: Double
    public var classifier: String
    /// `noise_filter:`: demote accepted samples the classifier finds likely mislabelled; nil when off.
    public var noiseFilter: NoiseFilterNode?
    public var source: SourceRef

    public init(
        textField: String, labelField: String, test: [JSONValue], testPath: String?, train: [JSONValue],
        every: Int, weight: Double, classifier: String, noiseFilter: NoiseFilterNode? = nil, source: SourceRef
    ) {
        self.textField = textField
        self.labelField = labelField
        self.test = test
        self.testPath = testPath
        self.train = train
        self.every = every
        self.weight = weight
        self.classifier = classifier
        self.noiseFilter = noiseFilter
        self.source = source
    }
}

/// A user `fn`, lowered.
public struct FunctionNode: Codable, Sendable, Equatable {
    public var name: String
    public var parameters: [FunctionParameter]
    public var result: GenType
    public var body: IRExpr
    public var source: SourceRef

    public init(name: String, parameters: [FunctionParameter], result: GenType, body: IRExpr, source: SourceRef) {
        self.name = name
        self.parameters = parameters
        self.result = result
        self.body = body
        self.source = source
    }
}

public struct FunctionParameter: Codable, Sendable, Equatable {
    public var name: String
    public var type: GenType
    public var defaultValue: IRExpr?

    public init(name: String, type: GenType, defaultValue: IRExpr?) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }
}

/// A top-level `let`, with its compile-time value.
public struct IRConstant: Codable, Sendable, Equatable {
    public var value: JSONValue
    public var type: GenType
    public var source: SourceRef

    public init(value: JSONValue, type: GenType, source: SourceRef) {
        self.value = value
        self.type = type
        self.source = source
    }
}

extension SpecNode {
    /// The values of the label field when it is an enum, in declared order; empty otherwise.
    public var labels: [String] {
        guard let field = labelField, case .enumeration(let values)? = output.field(named: field)?.type else { return [] }
        return values
    }
}
