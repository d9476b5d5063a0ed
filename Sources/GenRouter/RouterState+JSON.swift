import GenCore

extension RouterState {
    /// The state as a JSON value (see the type's documentation for the layout).
    public var json: JSONValue {
        let arms = policy.arms
        var armMembers: [String: JSONValue] = [:]
        for (id, stats) in zip(arms.ids, arms.statistics) {
            armMembers[id] = .array([.double(stats.count), .double(stats.sum), .double(stats.sumOfSquares)])
        }
        var members: [String: JSONValue] = [
            "version": .int(Self.formatVersion),
            "policy": .string(policy.name),
            "parameters": .object(policy.parameters.values.mapValues { .double($0) }),
            "order": .array(arms.ids.map { .string($0) }),
            "arms": .object(armMembers),
            "clock": .object(["batches": .int(clock.batches), "observations": .int(clock.observations)]),
            "rng": .string(String(rng.state)),
        ]
        if let epsilon { members["epsilon"] = .double(epsilon) }
        return .object(members)
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
        let armMembers = try reader.object("arms")
        guard Set(armMembers.keys) == Set(order) else {
            throw .malformedState("'arms' and 'order' name different arms")
        }
        let statistics = try order.map { id throws(RouterError) in try Self.statistics(armMembers[id], arm: id) }
        let clockReader = StateReader(.object(try reader.object("clock")))
        let batches = try clockReader.count("batches")
        let observations = try clockReader.count("observations")
        guard let rngState = UInt64(try reader.string("rng")) else {
            throw .malformedState("'rng' must be an unsigned 64-bit integer in a string")
        }
        self.init(policy: PolicyState(name: name, parameters: PolicyParameters(parameters),
                                      arms: try ArmTable(ids: order, statistics: statistics)),
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
