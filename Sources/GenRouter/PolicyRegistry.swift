/// A policy kind as scripts see it: its name, its parameters, and how to build it.
public struct PolicyKind: Sendable {
    public let name: String
    public let parameters: [PolicyParameter]
    public let summary: String
    private let build: @Sendable (PolicyParameters, ArmTable) -> any RouterPolicy

    public init<Policy: RouterPolicy>(_ type: Policy.Type) {
        name = Policy.name
        parameters = Policy.parameterSpecs
        summary = Policy.summary
        build = { Policy(parameters: $0, arms: $1) }
    }

    /// Checks script arguments against the declared parameters and fills in defaults.
    /// `arms` is the number of arms the router will choose among (for ranges such as `floor` in [0, 1/K]).
    public func validate(_ arguments: [String: Double], arms: Int?) throws(RouterError) -> PolicyParameters {
        let known = parameters.map(\.name)
        for argument in arguments.keys.sorted() where !known.contains(argument) {
            throw .unknownParameter(policy: name, name: argument, known: known)
        }
        var values: [String: Double] = [:]
        for parameter in parameters {
            let value = arguments[parameter.name] ?? parameter.defaultValue
            guard parameter.range.contains(value, arms: arms) else {
                throw .parameterOutOfRange(policy: name, name: parameter.name, value: value,
                                           range: parameter.range.description)
            }
            values[parameter.name] = value
        }
        return PolicyParameters(values)
    }

    /// A fresh policy over `arms` (ids in declared order) with validated arguments.
    public func make(arguments: [String: Double], arms ids: [String]) throws(RouterError) -> any RouterPolicy {
        let table = try ArmTable(ids: ids)
        return build(try validate(arguments, arms: ids.count), table)
    }

    /// A policy rebuilt from saved state; its parameters are validated again (the file may have been edited).
    /// Per-context statistics must fit the arms and a policy that keeps them.
    public func restore(_ state: PolicyState) throws(RouterError) -> any RouterPolicy {
        var policy = build(try validate(state.parameters.values, arms: state.arms.count), state.arms)
        for (context, statistics) in state.contexts where statistics.count != state.arms.count {
            throw .malformedState("context '\(context)' has \(statistics.count) statistics for \(state.arms.count) arms")
        }
        policy.contexts = state.contexts
        guard policy.contexts == state.contexts else {
            throw .malformedState("router policy '\(name)' keeps no per-context statistics")
        }
        return policy
    }
}

/// The router policies scripts can name, keyed by name. Add a policy by registering its type.
public struct PolicyRegistry: Sendable {
    public private(set) var kinds: [String: PolicyKind] = [:]

    public init() {}

    /// `epsilon_greedy`, `ucb1`, `thompson`, `gaussian_thompson`, `contextual_thompson` and the `random` baseline.
    public static let standard: PolicyRegistry = {
        var registry = PolicyRegistry()
        registry.register(EpsilonGreedyPolicy.self)
        registry.register(UCB1Policy.self)
        registry.register(BetaThompsonPolicy.self)
        registry.register(GaussianThompsonPolicy.self)
        registry.register(ContextualThompsonPolicy.self)
        registry.register(RandomPolicy.self)
        return registry
    }()

    public mutating func register<Policy: RouterPolicy>(_ type: Policy.Type) {
        kinds[Policy.name] = PolicyKind(type)
    }

    /// Registered names, sorted.
    public var names: [String] { kinds.keys.sorted() }

    public func kind(named name: String) throws(RouterError) -> PolicyKind {
        guard let kind = kinds[name] else { throw .unknownPolicy(name, known: names) }
        return kind
    }

    /// A fresh policy: `router <name>(<arguments>)` over the given arm ids.
    public func makePolicy(_ name: String, arguments: [String: Double] = [:],
                           arms: [String]) throws(RouterError) -> any RouterPolicy {
        try kind(named: name).make(arguments: arguments, arms: arms)
    }

    public func restore(_ state: PolicyState) throws(RouterError) -> any RouterPolicy {
        try kind(named: state.name).restore(state)
    }
}
