import GenCore
import GenPipeline

/// The standard runtime as the checker sees it, in one place: builtin signatures (as GenRuntime's
/// `FunctionRegistry.standard` declares them), arm kinds (GenGeneration's `StandardArmKinds`), router policies
/// (GenRouter's `PolicyRegistry.standard`), model providers, dedup and diversity methods and quality checks.
/// The engine may build a `CheckEnvironment` from the live registries instead; this list is what tests use.
public enum StandardEnvironment {
    // MARK: Functions

    static let anyList = GenType.list(.any)
    /// Any record, including schema samples and JSONL rows.
    static let anyRecord = GenType.record(fields: [:], open: true)

    static func signature(
        _ name: String, _ parameters: [(String, GenType)], _ result: GenType, variadic: Bool = false,
        defaults: [String: JSONValue] = [:], _ summary: String
    ) -> FunctionSignature {
        FunctionSignature(
            name: name, parameters: parameters.map { SignatureParameter(name: $0.0, type: $0.1, defaultValue: defaults[$0.0]) },
            result: result, isVariadic: variadic, summary: summary)
    }

    /// Overloads in the order the checker tries them (int forms before float forms, so ints stay ints).
    public static let functions: [FunctionSignature] = [
        signature("len", [("text", .string)], .int, "The number of characters in a string."),
        signature("len", [("items", anyList)], .int, "The number of elements in a list."),
        signature("lower", [("text", .string)], .string, "The string in lower case."),
        signature("upper", [("text", .string)], .string, "The string in upper case."),
        signature("trim", [("text", .string)], .string, "The string without leading and trailing whitespace."),
        signature("words", [("text", .string)], .list(.string), "The whitespace-separated words of a string."),
        signature("starts_with", [("text", .string), ("prefix", .string)], .bool, "Whether the string begins with the prefix."),
        signature("ends_with", [("text", .string), ("suffix", .string)], .bool, "Whether the string ends with the suffix."),
        signature("split", [("text", .string), ("separator", .string)], .list(.string), "The parts between separators."),
        signature("join", [("items", .list(.string)), ("separator", .string)], .string, defaults: ["separator": .string("")],
                  "The strings of a list joined with the separator."),
        signature("replace", [("text", .string), ("old", .string), ("new", .string)], .string, "Every `old` replaced by `new`."),
        signature("matches", [("text", .string), ("pattern", .string)], .bool, "Whether the regular expression matches somewhere."),
        signature("contains", [("text", .string), ("part", .string)], .bool, "Whether the string contains `part`."),
        signature("contains", [("items", anyList), ("item", .any)], .bool, "Whether the list has an element equal to `item`."),
        signature("contains", [("range", .range(.int)), ("value", .int)], .bool, "Whether the range includes the number."),
        signature("contains", [("range", .range(.float)), ("value", .float)], .bool, "Whether the range includes the number."),
        signature("count", [("items", anyList)], .int, "The number of elements in a list."),
        signature("any", [("items", .list(.bool))], .bool, "Whether some element is true."),
        signature("all", [("items", .list(.bool))], .bool, "Whether every element is true."),
        signature("keys", [("record", anyRecord)], .list(.string), "The field names of a record, in order."),
        signature("has", [("record", anyRecord), ("field", .string)], .bool, "Whether a record has a field of that name."),
        signature("min", [("items", .list(.int))], .int, "The smallest int of a non-empty list."),
        signature("min", [("items", .list(.float))], .float, "The smallest number of a non-empty list."),
        signature("min", [("a", .int), ("b", .int)], .int, variadic: true, "The smallest of its int arguments."),
        signature("min", [("a", .float), ("b", .float)], .float, variadic: true, "The smallest of its arguments."),
        signature("max", [("items", .list(.int))], .int, "The largest int of a non-empty list."),
        signature("max", [("items", .list(.float))], .float, "The largest number of a non-empty list."),
        signature("max", [("a", .int), ("b", .int)], .int, variadic: true, "The largest of its int arguments."),
        signature("max", [("a", .float), ("b", .float)], .float, variadic: true, "The largest of its arguments."),
        signature("sum", [("items", .list(.int))], .int, "The sum of a list of ints."),
        signature("sum", [("items", .list(.float))], .float, "The sum of a list of numbers."),
        signature("mean", [("items", .list(.int))], .float, "The arithmetic mean of a non-empty list."),
        signature("mean", [("items", .list(.float))], .float, "The arithmetic mean of a non-empty list."),
        signature("abs", [("x", .int)], .int, "The absolute value."),
        signature("abs", [("x", .float)], .float, "The absolute value."),
        signature("round", [("x", .int)], .int, "The int itself."),
        signature("round", [("x", .float)], .int, "The nearest int."),
        signature("round", [("x", .float), ("digits", .int)], .float, "Rounded to `digits` decimal places."),
        signature("clamp", [("x", .int), ("low", .int), ("high", .int)], .int, "x limited to [low, high]."),
        signature("clamp", [("x", .float), ("low", .float), ("high", .float)], .float, "x limited to [low, high]."),
        signature("env", [("name", .string)], .string, "An environment variable; an error when it is not set."),
        signature("env", [("name", .string), ("default", .string)], .string, "An environment variable, or the default."),
        signature("read_jsonl", [("path", .string)], .list(anyRecord), "The rows of a JSON Lines file, relative to the script."),
    ]

    // MARK: Arm kinds

    static let decoding: [ParameterSpec] = [
        ParameterSpec(name: "model", type: .model, isRequired: true, summary: "the model that generates"),
        ParameterSpec(name: "temperature", type: .float, defaultValue: .double(0.7), minimum: 0, maximum: 2, summary: "sampling temperature"),
        ParameterSpec(name: "top_p", type: .float, defaultValue: .int(1), minimum: 0, maximum: 1, minimumExclusive: true,
                      summary: "nucleus sampling mass"),
        ParameterSpec(name: "max_tokens", type: .int, defaultValue: .int(256), minimum: 1, maximum: 32_768,
                      summary: "upper bound on tokens per sample"),
    ]

    public static let armKinds: [KindSpec] = [
        KindSpec(family: "arm", name: "naive", parameters: decoding, positional: ["model"],
                 summary: "one call per sample; prompt from the spec and its seed examples"),
        KindSpec(family: "arm", name: "fewshot",
                 parameters: decoding + [ParameterSpec(name: "k", type: .int, defaultValue: .int(3), minimum: 1, maximum: 20,
                                                       summary: "examples drawn from samples accepted in this run")],
                 positional: ["model"], summary: "like naive, with k examples drawn from the samples already accepted"),
        KindSpec(family: "arm", name: "template",
                 parameters: [
                    ParameterSpec(name: "slots", type: anyRecord, defaultValue: .object([:]), summary: "slot name -> values"),
                    ParameterSpec(name: "by_label", type: anyRecord, defaultValue: .object([:]), summary: "label -> patterns"),
                    ParameterSpec(name: "fields", type: anyRecord, defaultValue: .object([:]), summary: "field -> patterns"),
                    ParameterSpec(name: "text_field", type: .string, summary: "the field by_label fills"),
                 ],
                 summary: "Chatito-style expansion of patterns and slots; no model"),
    ]

    // MARK: Router policies (GenRouter's PolicyRegistry.standard)

    static func unit(_ name: String, _ value: Double, lowOpen: Bool = false, _ summary: String) -> ParameterSpec {
        ParameterSpec(name: name, type: .float, defaultValue: .double(value), minimum: 0, maximum: 1, minimumExclusive: lowOpen, summary: summary)
    }

    static let batchLimits: [ParameterSpec] = [
        unit("cap", 1, lowOpen: true, "largest share of one batch given to a single arm"),
        unit("floor", 0, "share of every batch each arm is guaranteed (at most 1/K)"),
    ]

    public static let routerPolicies: [KindSpec] = [
        KindSpec(family: "router", name: "epsilon_greedy", parameters: [
            unit("epsilon", 0.1, "initial probability of exploring a random arm"),
            unit("decay", 1, "multiplies epsilon after every batch (1 = no decay)"),
            unit("min", 0, "epsilon never decays below this"),
            ParameterSpec(name: "t0", type: .float, defaultValue: .double(0), minimum: 0, summary: "observations for 1/(1+t/t0) decay (0 = off)"),
        ] + batchLimits, summary: "explore with probability epsilon, else exploit the best arm"),
        KindSpec(family: "router", name: "ucb1", parameters: [
            ParameterSpec(name: "c", type: .float, defaultValue: .double(2), minimum: 0, maximum: 100, summary: "exploration constant"),
        ] + batchLimits, summary: "upper confidence bound"),
        KindSpec(family: "router", name: "thompson", parameters: [
            unit("gamma", 1, lowOpen: true, "discount per observation (1 = keep all history)"),
        ] + batchLimits, summary: "Beta-Bernoulli Thompson sampling"),
        KindSpec(family: "router", name: "gaussian_thompson", parameters: [
            unit("gamma", 0.995, lowOpen: true, "discount per observation"),
            unit("sd_min", 0.1, lowOpen: true, "smallest reward standard deviation assumed"),
            ParameterSpec(name: "n0", type: .float, defaultValue: .double(1), minimum: 0, maximum: 1_000_000, minimumExclusive: true,
                          summary: "weight of the prior, in pseudo-samples"),
            unit("m0", 0.5, "prior mean reward"),
        ] + batchLimits, summary: "discounted Gaussian Thompson sampling"),
        KindSpec(family: "router", name: "random", parameters: batchLimits, summary: "uniform random baseline"),
    ]

    // MARK: Models, dedup, diversity, checks

    public static let modelProviders: [KindSpec] = [
        KindSpec(family: "model", name: "openai", parameters: [
            ParameterSpec(name: "base_url", type: .string, isRequired: true, summary: "the server's /v1 URL"),
            ParameterSpec(name: "model", type: .string, isRequired: true, summary: "the model name sent to the server"),
            ParameterSpec(name: "api_key_env", type: .string, summary: "environment variable holding the API key"),
            ParameterSpec(name: "max_concurrency", type: .int, defaultValue: .int(4), minimum: 1, maximum: 1024, summary: "parallel requests"),
            ParameterSpec(name: "timeout", type: .float, defaultValue: .int(60), minimum: 0, minimumExclusive: true, summary: "seconds per request"),
            ParameterSpec(name: "max_retries", type: .int, defaultValue: .int(2), minimum: 0, maximum: 20, summary: "retries per request"),
        ], summary: "an OpenAI-compatible endpoint"),
    ]

    static let threshold = ParameterSpec(name: "threshold", type: .float, defaultValue: .double(0.85), minimum: 0, maximum: 1,
                                         summary: "similarity at or above which a sample is a duplicate")

    public static let dedupMethods: [KindSpec] = [
        KindSpec(family: "dedup", name: "exact", parameters: [], summary: "identical normalised text"),
        KindSpec(family: "dedup", name: "near", parameters: [threshold], positional: ["threshold"], summary: "MinHash near-duplicates"),
        KindSpec(family: "dedup", name: "semantic",
                 parameters: [threshold, ParameterSpec(name: "using", type: .model, summary: "embedding model (default: lexical)")],
                 positional: ["threshold"], summary: "embedding cosine near-duplicates"),
    ]

    public static let diversityMethods: [KindSpec] = [
        KindSpec(family: "diversity", name: "novelty", parameters: [
            ParameterSpec(name: "min", type: .float, defaultValue: .double(0), minimum: 0, maximum: 1, summary: "smallest novelty accepted"),
        ], positional: ["min"], summary: "distance to the accepted pool"),
    ]

    static let using = ParameterSpec(name: "using", type: .model, summary: "the model that serves the check")

    public static let qualityChecks: [QualityCheckSpec] = [
        QualityCheckSpec(kind: KindSpec(family: "check", name: "valid", parameters: [
            ParameterSpec(name: "sample", type: anyRecord, isRequired: true, summary: "the sample"),
        ], positional: ["sample"], summary: "whether the sample matches the output schema"), result: .bool),
        QualityCheckSpec(kind: KindSpec(family: "check", name: "similarity", parameters: [
            ParameterSpec(name: "a", type: .string, isRequired: true, summary: "first text"),
            ParameterSpec(name: "b", type: .string, isRequired: true, summary: "second text"),
            using,
        ], positional: ["a", "b"], summary: "cosine similarity in [0, 1] (lexical without a model)"), result: .float),
        QualityCheckSpec(kind: KindSpec(family: "check", name: "entails", parameters: [
            ParameterSpec(name: "premise", type: .string, isRequired: true, summary: "the text"),
            ParameterSpec(name: "hypothesis", type: .string, isRequired: true, summary: "what it should entail"),
            ParameterSpec(name: "using", type: .model, isRequired: true, summary: "the judging model"),
        ], positional: ["premise", "hypothesis"], summary: "probability that the premise entails the hypothesis"), result: .float),
        QualityCheckSpec(kind: KindSpec(family: "check", name: "judge", parameters: [
            ParameterSpec(name: "sample", type: .any, isRequired: true, summary: "what to judge"),
            ParameterSpec(name: "rubric", type: .list(.string), defaultValue: .array([]),
                          summary: "criteria (default: built from the spec: domain, each constraint, the label)"),
            ParameterSpec(name: "extend", type: .bool, defaultValue: .bool(false),
                          summary: "add the rubric's criteria to the spec's instead of replacing them"),
            ParameterSpec(name: "using", type: .model, isRequired: true, summary: "the judging model"),
        ], positional: ["sample"], summary: "mean 1-5 rating per rubric criterion, mapped to [0, 1]"), result: .float),
    ]

    /// GenEval's `ModelRegistry` names; the first is the default.
    public static let classifiers = ["logreg", "nb"]
}
