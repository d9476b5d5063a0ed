import GenCore

extension RouterState {
    /// The state as a JSON value (see the type's documentation for the layout).
    public var json: JSONValue {
        let arms = policy.arms
        var members: [String: JSONValue] = [
            "version": .int(Self.formatVersion),
            "policy": .string(policy.name),
            "parameters": .object(policy.parameters.values.mapValues { .double($0) }),
            "order": .array(arms.ids.map { .string($0) }),
            "arms": Self.members(arms.statistics, ids: arms.ids),
            "clock": .object(["batches": .int(clock.batches), "observations": .int(clock.observations)]),
            "rng": .string(String(rng.state)),
        ]
        if let epsilon { members["epsilon"] = .double(epsilon) }
        // Only a contextual policy has any, so every other state keeps its bytes.
        if !policy.contexts.isEmpty {
            members["contexts"] = .object(policy.contexts.mapValues { Self.members($0, ids: arms.ids) })
        }
        return .object(members)
    }

    /// `{"arm": [N, S, Q], ...}` for statistics parallel to `ids`.
    private static func members(_ statistics: [ArmStatistics], ids: [String]) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (id, stats) in zip(ids, statistics) {
            members[id] = .array([.double(stats.count), .double(stats.sum), .double(stats.sumOfSquares)])
        }
        return .object(members)
    }

    /// Reads `{"arm": [N, S, Q], ...}` naming exactly the arms of `order`; `what` names it in errors.
    private static func statistics(_ members: [String: JSONValue], order: [String],
                                   what: String) throws(RouterError) -> [ArmStatistics] {
        guard Set(members.keys) == Set(order) else {
            throw .malformedState("\(what) and 'order' name different arms")
        }
        return try order.map { id throws(RouterError) in try statistics(members[id], arm: id) }
    }

    /// Reads a state written by `json`; every missing or ill-typed member is reported by name.
    public init(json: JSONValue) throws(RouterError) {
        let reader = StateReader(json)
        let version = try reader.number("version")
        guard version == Double(Self.formatVersion) else {
            throw .malformedState("version \(NumberText.compact(version)) is not supported (expected \(Self.formatVersion))")
        }
        let name = try reader.string("policy")
        var parameters: [String: Double] = [:]
        for (key, value) in try reader.object("parameters") {
            guard let number = value.doubleValue else { throw .malformedState("parameter '\(key)' is not a number") }
            parameters[key] = number
        }
        let order = try reader.array("order").map { item throws(RouterError) -> String in
            guard let id = item.stringValue else { throw .malformedState("'order' must list arm ids as strings") }
            return id
        }
        let statistics = try Self.statistics(try reader.object("arms"), order: order, what: "'arms'")
        var contexts: [String: [ArmStatistics]] = [:]
        if json["contexts"] != nil {
            for (label, value) in try reader.object("contexts") {
                guard let members = value.objectValue else {
                    throw .malformedState("context '\(label)' must be an object of arms")
                }
                contexts[label] = try Self.statistics(members, order: order, what: "context '\(label)'")
            }
        }
        let clockReader = StateReader(.object(try reader.object("clock")))
        let batches = try clockReader.count("batches")
        let observations = try clockReader.count("observations")
        guard let rngState = UInt64(try reader.string("rng")) else {
            throw .malformedState("'rng' must be an unsigned 64-bit integer in a string")
        }
        self.init(policy: PolicyState(name: name, parameters: PolicyParameters(parameters),
                                      arms: try ArmTable(ids: order, statistics: statistics), contexts: contexts),
                  clock: RouterClock(batches: batches, observations: observations),
                  rng: SeededRandom(seed: rngState),
                  epsilon: json["epsilon"]?.doubleValue)
    }

    private static func statistics(_ value: JSONValue?, arm: String) throws(RouterError) -> ArmStatistics {
        guard let items = value?.arrayValue, items.count == 3 else {
            throw .malformedState("arm '\(arm)' must be [N, S, Q]")
        }
        var numbers: [Double] = []
        for item in items {
            guard let number = item.doubleValue, number.isFinite, number >= 0 else {
                throw .malformedState("arm '\(arm)' has a statistic that is not a finite non-negative number")
            }
            numbers.append(number)
        }
        return ArmStatistics(count: numbers[0], sum: numbers[1], sumOfSquares: numbers[2])
    }
}

/// Typed member access on a JSON object with errors that name the member.
private struct StateReader {
    let value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    func member(_ key: String) throws(RouterError) -> JSONValue {
        guard value.objectValue != nil else { throw .malformedState("expected a JSON object") }
        guard let member = value[key] else { throw .malformedState("missing '\(key)'") }
        return member
    }

    func number(_ key: String) throws(RouterError) -> Double {
        guard let number = try member(key).doubleValue else { throw .malformedState("'\(key)' must be a number") }
        return number
    }

    func count(_ key: String) throws(RouterError) -> Int {
        let number = try number(key)
        guard number >= 0, number < 1e15, number == number.rounded() else {
            throw .malformedState("'\(key)' must be a non-negative whole number")
        }
        return Int(number)
    }

    func string(_ key: String) throws(RouterError) -> String {
        guard let text = try member(key).stringValue else { throw .malformedState("'\(key)' must be a string") }
        return text
    }

    func object(_ key: String) throws(RouterError) -> [String: JSONValue] {
        guard let members = try member(key).objectValue else { throw .malformedState("'\(key)' must be an object") }
        return members
    }

    func array(_ key: String) throws(RouterError) -> [JSONValue] {
        guard let items = try member(key).arrayValue else { throw .malformedState("'\(key)' must be an array") }
        return items
    }
}
