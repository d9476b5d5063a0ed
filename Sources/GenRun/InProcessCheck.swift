import GenCore
import GenPipeline
import GenRuntime

/// A quality check computed in process, with no model: the standard `valid` and any check a host registers
/// (a toxicity word list, a readability formula). Rules and scores call it like a model check; it runs with the
/// cheap stages, before any model is asked, and its signature is what the checker knows of it.
public protocol InProcessCheck: Sendable {
    var signature: QualityCheckSpec { get }
    /// The check's value for the evaluated arguments (bool or a float in [0, 1], as the signature's result says).
    func evaluate(_ arguments: [Value], context: InProcessCheckContext) throws -> Value
}

extension InProcessCheck {
    public var name: String { signature.kind.name }
}

/// What an in-process check may use besides its arguments.
public struct InProcessCheckContext: Sendable {
    public var spec: SpecNode
    public var sample: JSONValue
    /// Whether the sample matched the output schema (the pool's validation, done once per sample).
    public var schemaValid: Bool

    public init(spec: SpecNode, sample: JSONValue, schemaValid: Bool) {
        self.spec = spec
        self.sample = sample
        self.schemaValid = schemaValid
    }
}

/// Check name -> in-process implementation. Hosts add theirs with `register`.
public struct InProcessCheckRegistry: Sendable {
    private var checks: [String: any InProcessCheck] = [:]

    public init(_ checks: [any InProcessCheck] = []) {
        for check in checks { register(check) }
    }

    /// `valid`.
    public static var standard: InProcessCheckRegistry { InProcessCheckRegistry([ValidCheck()]) }

    /// Adds a check; a later one with the same name replaces the earlier.
    public mutating func register(_ check: any InProcessCheck) {
        checks[check.name] = check
    }

    public func check(named name: String) -> (any InProcessCheck)? { checks[name] }

    public var names: [String] { checks.keys.sorted() }

    public var signatures: [QualityCheckSpec] { names.compactMap { checks[$0]?.signature } }
}

/// `valid(sample)`: whether the sample matches the output schema.
public struct ValidCheck: InProcessCheck {
    public let signature = QualityCheckSpec(kind: KindSpec(family: "check", name: "valid", parameters: [
        ParameterSpec(name: "sample", type: .record(fields: [:], open: true), isRequired: true, summary: "the sample"),
    ], positional: ["sample"], summary: "whether the sample matches the output schema"), result: .bool, execution: .inProcess)

    public init() {}

    public func evaluate(_ arguments: [Value], context: InProcessCheckContext) throws -> Value {
        .bool(context.schemaValid)
    }
}
