import GenCore
import GenPipeline
import GenProviders

/// Everything an arm factory may need: the declaration and the model clients by model name.
public struct ArmEnvironment: Sendable {
    public var clients: [String: any LLMClient]
    /// The model name each declared model sends to its server (`model: "smollm2"`).
    public var modelNames: [String: String]

    public init(clients: [String: any LLMClient], modelNames: [String: String]) {
        self.clients = clients
        self.modelNames = modelNames
    }
}

public enum ArmError: Error, Equatable, CustomStringConvertible {
    case unknownKind(String, suggestion: String?)
    case missingModel(arm: String, kind: String)
    case unknownModel(arm: String, model: String)
    case badTemplate(arm: String, problems: [String])

    public var description: String {
        switch self {
        case .unknownKind(let kind, let suggestion):
            return "unknown arm kind `\(kind)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .missingModel(let arm, let kind):
            return "arm `\(arm)` of kind `\(kind)` needs a model: \(kind)(local, ...)"
        case .unknownModel(let arm, let model):
            return "arm `\(arm)` uses model `\(model)`, which no `model` declaration defines"
        case .badTemplate(let arm, let problems):
            return "arm `\(arm)`: " + problems.joined(separator: "; ")
        }
    }
}

/// Arm kinds by name, each with its parameter spec (for the checker) and a factory (for the runtime).
/// Hosts and later modules add kinds with `register`; nothing switches over kind names.
public struct ArmRegistry: Sendable {
    public typealias Factory = @Sendable (ArmNode, KindSpec, ArmEnvironment) throws -> any Arm
    /// What only the arm kind can see wrong in a declaration, given the spec (a template's unknown slot, a
    /// `by_label` key that is no label): reported by `gen check`, before the run.
    public typealias Validator = @Sendable (ArmNode, KindSpec, SpecNode) -> [String]

    public private(set) var kinds: [String: (spec: KindSpec, make: Factory)] = [:]
    public private(set) var validators: [String: Validator] = [:]
    /// Kinds an arm's `attributes` may call for a dimension's values (`discover`).
    public var attributeSources: [KindSpec] = []

    public init() {}

    public mutating func register(_ spec: KindSpec, make: @escaping Factory, validate: Validator? = nil) {
        kinds[spec.name] = (spec, make)
        validators[spec.name] = validate
    }

    /// The problems the arm's kind finds in its declaration (none for kinds without a validator).
    public func problems(_ node: ArmNode, spec: SpecNode) -> [String] {
        guard let kind = kinds[node.kind], let validate = validators[node.kind] else { return [] }
        return validate(node, kind.spec, spec)
    }

    public var specs: [KindSpec] { kinds.values.map(\.spec).sorted { $0.name < $1.name } }

    public func makeArm(_ node: ArmNode, environment: ArmEnvironment) throws -> any Arm {
        guard let kind = kinds[node.kind] else {
            throw ArmError.unknownKind(node.kind, suggestion: kinds.keys.sorted().first { Self.close($0, node.kind) })
        }
        return try kind.make(node, kind.spec, environment)
    }

    static func close(_ a: String, _ b: String) -> Bool {
        a.hasPrefix(String(b.prefix(3))) || b.hasPrefix(String(a.prefix(3)))
    }

    /// naive, fewshot and template.
    public static var standard: ArmRegistry {
        var registry = ArmRegistry()
        registry.register(StandardArmKinds.naive, make: StandardArmKinds.makeNaiveArm, validate: StandardArmKinds.validatePrompting)
        registry.register(StandardArmKinds.fewshot, make: StandardArmKinds.makeFewshotArm, validate: StandardArmKinds.validatePrompting)
        registry.register(StandardArmKinds.evolve, make: StandardArmKinds.makeEvolveArm, validate: StandardArmKinds.validateEvolve)
        registry.register(StandardArmKinds.template, make: StandardArmKinds.makeTemplateArm, validate: StandardArmKinds.validateTemplate)
        registry.attributeSources = [StandardArmKinds.discover]
        return registry
    }
}
