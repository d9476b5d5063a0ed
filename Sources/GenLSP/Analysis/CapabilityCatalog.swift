import GenPipeline
import GenSemantics
import GenSyntax

/// The capabilities registry as hover and completion read it: every kind (arm kinds, router policies, model
/// providers, dedup and diversity methods, attribute sources, quality checks) and builtin function by name.
struct CapabilityCatalog {
    /// A kind with the words that say where it is used ("arm kind", "router policy", ...).
    struct Entry {
        let spec: KindSpec
        let role: String
    }

    let kinds: [String: Entry]
    let functions: [String: [FunctionSignature]]
    let rewardMetrics: [RewardMetricSpec]

    init(_ environment: CheckEnvironment) {
        var kinds: [String: Entry] = [:]
        func add(_ specs: [KindSpec], _ role: String) {
            for spec in specs where kinds[spec.name] == nil { kinds[spec.name] = Entry(spec: spec, role: role) }
        }
        add(environment.armKinds, "arm kind")
        add(environment.routerPolicies, "router policy")
        add(environment.modelProviders, "model provider")
        add(environment.qualityChecks.map(\.kind), "quality check")
        add(environment.dedupMethods, "dedup method")
        add(environment.diversityMethods, "diversity method")
        add(environment.attributeSources, "attribute source")
        self.kinds = kinds
        self.functions = Dictionary(grouping: environment.functions, by: \.name)
        self.rewardMetrics = environment.rewardMetrics
    }

    /// Names an edit may not rename: keywords, contextual words, builtin functions and kinds.
    func isReserved(_ name: String) -> Bool {
        Keyword(rawValue: name) != nil || ContextualWord(rawValue: name) != nil || kinds[name] != nil
            || functions[name] != nil || name == "sample"
    }

    static func functionSignatureText(_ function: FunctionSignature) -> String {
        let parameters = function.parameters.map { "\($0.name): \($0.type.displayName)" }
        return function.name + "(" + parameters.joined(separator: ", ") + (function.isVariadic ? ", ..." : "") + ") -> "
            + function.result.displayName
    }
}
