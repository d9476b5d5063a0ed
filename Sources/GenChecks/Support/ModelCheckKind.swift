import GenPipeline
import GenRun

/// One kind of model check (`similarity`, `entails`, `judge`): the registry maps a check name to it.
public protocol ModelCheckKind: Sendable {
    /// Name, parameters, types, defaults and result as the checker sees them: the checker's list of model
    /// checks is made of these, so what `gen check` accepts is what this implementation runs.
    var signature: QualityCheckSpec { get }
    func run(_ invocation: CheckInvocation) async throws -> ModelCheckOutcome
}

extension ModelCheckKind {
    /// The name scripts call it by.
    public var name: String { signature.kind.name }
    /// True when the check cannot run without a model (the judge); similarity has an in-process fallback.
    public var requiresModel: Bool { signature.kind.parameter(named: "using")?.isRequired ?? false }
}

/// Check name -> implementation. Hosts add their own kinds, or replace a standard one, with `register`.
public struct ModelCheckRegistry: Sendable {
    private var kinds: [String: any ModelCheckKind] = [:]

    public init(_ kinds: [any ModelCheckKind] = []) {
        for kind in kinds { register(kind) }
    }

    /// similarity, entails, judge and label_fits.
    public static var standard: ModelCheckRegistry { ModelCheckRegistry([SimilarityCheck(), EntailmentCheck(), JudgeCheck(), LabelAgreementCheck()]) }

    /// Adds a kind; a later one with the same name replaces the earlier.
    public mutating func register(_ kind: any ModelCheckKind) {
        kinds[kind.name] = kind
    }

    public func kind(named name: String) -> (any ModelCheckKind)? { kinds[name] }

    public var names: [String] { kinds.keys.sorted() }

    /// Every kind's signature, by name.
    public var signatures: [QualityCheckSpec] { names.compactMap { kinds[$0]?.signature } }
}
