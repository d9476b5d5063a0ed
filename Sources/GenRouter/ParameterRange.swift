import GenCore
/// The valid values of a numeric policy parameter, e.g. `[0, 1]`, `(0, 1]` or `[0, 1/K]`.
public struct ParameterRange: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerInclusive: Bool
    public var upperInclusive: Bool
    /// When true the upper bound is `upper / K` for K arms (the exploration floor: K arms cannot each get more than 1/K).
    public var upperPerArm: Bool

    public init(lower: Double, upper: Double, lowerInclusive: Bool = true, upperInclusive: Bool = true,
                upperPerArm: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerInclusive = lowerInclusive
        self.upperInclusive = upperInclusive
        self.upperPerArm = upperPerArm
    }

    /// `[0, 1]`, the range of probabilities and rates.
    public static let unit = ParameterRange(lower: 0, upper: 1)

    /// The upper bound for `arms` arms (nil arms: the bound before dividing by K).
    public func upperBound(arms: Int?) -> Double {
        guard upperPerArm, let arms, arms > 0 else { return upper }
        return upper / Double(arms)
    }

    /// Whether `value` is allowed with `arms` arms; non-finite values never are, except an inclusive infinite bound.
    public func contains(_ value: Double, arms: Int?) -> Bool {
        guard !value.isNaN else { return false }
        let top = upperBound(arms: arms)
        let aboveLower = lowerInclusive ? value >= lower : value > lower
        let belowUpper = upperInclusive ? value <= top : value < top
        return aboveLower && belowUpper
    }

    public var description: String {
        let top = upper.isInfinite ? "inf" : NumberText.compact(upper) + (upperPerArm ? "/K" : "")
        return (lowerInclusive ? "[" : "(") + NumberText.compact(lower) + ", " + top + (upperInclusive && upper.isFinite ? "]" : ")")
    }
}
