import GenCore
import GenPipeline

/// A dedup or diversity method a host adds (`dedup same_opening()`, `diversity fresh_topic(min: 2)`). It sees
/// each candidate's text (the fields dedup compares) against the accepted pool and the batch's earlier
/// passing candidates, after the standard gates, and before any model is asked.
public protocol PoolGate: Sendable {
    /// Family `dedup` or `diversity`, the name scripts call, parameters with types, defaults and ranges.
    var spec: KindSpec { get }
    /// A fresh state for one run, with the script's (checked) parameters.
    func makeState(parameters: [String: JSONValue]) throws -> any PoolGateState
}

/// One run's state of a host gate: it grows with the accepted pool.
public protocol PoolGateState: Sendable {
    /// Why `text` is rejected (nil: it passes). `pending` are this batch's earlier candidates that passed.
    func verdict(_ text: String, pending: [String]) -> String?
    /// Adds an accepted sample's text to the pool (after its batch is stored).
    mutating func accept(_ text: String)
}

/// Host gates by name.
public struct PoolGateRegistry: Sendable {
    private var gates: [String: any PoolGate] = [:]

    public init(_ gates: [any PoolGate] = []) {
        for gate in gates { register(gate) }
    }

    public mutating func register(_ gate: any PoolGate) {
        gates[gate.spec.name] = gate
    }

    public func gate(named name: String) -> (any PoolGate)? { gates[name] }

    /// The specs of one family (`dedup` or `diversity`), by name.
    public func specs(family: String) -> [KindSpec] {
        gates.keys.sorted().compactMap { gates[$0]?.spec }.filter { $0.family == family }
    }
}

/// The host gates a script uses, each with its state, in declared order.
struct HostGates: Sendable {
    struct Entry: Sendable {
        let name: String
        let kind: QualityStage.Kind
        var state: any PoolGateState
    }

    var entries: [Entry]

    init(graph: PipelineGraph, registry: PoolGateRegistry) throws {
        entries = try graph.quality.compactMap { stage in
            guard case .hostGate(let kind, let name, let parameters, _) = stage else { return nil }
            guard let gate = registry.gate(named: name) else { throw HostGateError.notRegistered(name) }
            return Entry(name: name, kind: kind, state: try gate.makeState(parameters: parameters))
        }
    }

    /// The first gate's reason to reject `text`, with the records of every gate that ran.
    func verdict(_ text: String, pending: [String]) -> [(entry: Entry, reason: String?)] {
        var outcomes: [(Entry, String?)] = []
        for entry in entries {
            let reason = entry.state.verdict(text, pending: pending)
            outcomes.append((entry, reason))
            if reason != nil { break }
        }
        return outcomes
    }

    mutating func accept(_ text: String) {
        for index in entries.indices { entries[index].state.accept(text) }
    }
}

/// A graph naming a host gate this engine does not have (a graph from another host).
public enum HostGateError: Error, CustomStringConvertible {
    case notRegistered(String)

    public var description: String {
        switch self {
        case .notRegistered(let name): "the quality block uses `\(name)`, which this engine's capabilities do not register"
        }
    }
}
