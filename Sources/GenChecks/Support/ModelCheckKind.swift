import GenRun

/// One kind of model check (`similarity`, `entails`, `judge`): the registry maps a check name to it.
public protocol ModelCheckKind: Sendable {
    /// The name scripts call it by.
    var name: String { get }
    /// True when the check cannot run without a model (the judge); similarity has an in-process fallback.
    var requiresModel: Bool { get }
    func run(_ invocation: CheckInvocation) async throws -> ModelCheckOutcome
}

/// Check name -> implementation. Hosts add their own kinds, or replace a standard one, with `register`.
public struct ModelCheckRegistry: Sendable {
    private var kinds: [String: any ModelCheckKind] = [:]

    public init(_ kinds: [any ModelCheckKind] = []) {
        for kind in kinds { register(kind) }
    }

    /// Adds a kind; a later one with the same name replaces the earlier.
    public mutating func register(_ kind: any ModelCheckKind) {
        kinds[kind.name] = kind
    }

    public func kind(named name: String) -> (any ModelCheckKind)? { kinds[name] }

    public var names: [String] { kinds.keys.sorted() }
}
