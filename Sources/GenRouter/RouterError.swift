/// Everything that can go wrong when configuring, feeding or restoring a router; each case reads as a message.
public enum RouterError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownPolicy(String, known: [String])
    case unknownParameter(policy: String, name: String, known: [String])
    case parameterOutOfRange(policy: String, name: String, value: Double, range: String)
    case noArms
    case duplicateArm(String)
    case unknownArm(String)
    case invalidSlotCount(Int)
    case rewardOutOfRange(arm: String, reward: Double)
    case invalidWeight(arm: String, weight: Double)
    case malformedState(String)

    public var description: String {
        switch self {
        case .unknownPolicy(let name, let known):
            return "unknown router policy '\(name)'; known policies: \(known.joined(separator: ", "))"
        case .unknownParameter(let policy, let name, let known):
            return "router policy '\(policy)' has no parameter '\(name)'; its parameters: \(known.joined(separator: ", "))"
        case .parameterOutOfRange(let policy, let name, let value, let range):
            return "parameter '\(name)' of router policy '\(policy)' is \(value), outside its valid range \(range)"
        case .noArms:
            return "a router needs at least one arm"
        case .duplicateArm(let id):
            return "arm '\(id)' is declared twice"
        case .unknownArm(let id):
            return "the router has no arm '\(id)'"
        case .invalidSlotCount(let slots):
            return "a batch needs a non-negative number of slots, got \(slots)"
        case .rewardOutOfRange(let arm, let reward):
            return "reward \(reward) for arm '\(arm)' is outside [0, 1]"
        case .invalidWeight(let arm, let weight):
            return "pseudo-observation weight \(weight) for arm '\(arm)' must be finite and non-negative"
        case .malformedState(let reason):
            return "router state is malformed: \(reason)"
        }
    }
}
