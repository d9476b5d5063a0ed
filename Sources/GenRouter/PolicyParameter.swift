/// One numeric parameter a policy accepts in the script (`router thompson(cap: 0.6)`): its name,
/// default, valid range and a one-line meaning. The semantic checker validates calls against these.
public struct PolicyParameter: Sendable, Equatable {
    public var name: String
    /// The value used when the script omits the parameter (for `upperPerArm` ranges, see `defaultValue(arms:)`).
    public var defaultValue: Double
    public var range: ParameterRange
    public var summary: String

    public init(name: String, defaultValue: Double, range: ParameterRange, summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
        self.summary = summary
    }

    /// At most this fraction of a batch goes to one arm (relaxed to 1/K of the batch when lower).
    public static func cap(default value: Double) -> PolicyParameter {
        PolicyParameter(name: "cap", defaultValue: value,
                        range: ParameterRange(lower: 0, upper: 1, lowerInclusive: false),
                        summary: "largest share of one batch given to a single arm")
    }

    /// Every available arm gets at least floor(floor * slots) slots of each batch.
    public static func floor(default value: Double) -> PolicyParameter {
        PolicyParameter(name: "floor", defaultValue: value,
                        range: ParameterRange(lower: 0, upper: 1, upperPerArm: true),
                        summary: "share of every batch each arm is guaranteed (exploration floor)")
    }
}

/// Validated parameter values of one policy instance, every declared parameter present.
public struct PolicyParameters: Sendable, Equatable {
    public private(set) var values: [String: Double]

    /// Values as given; `PolicyRegistry` is the way to build validated ones from script arguments.
    public init(_ values: [String: Double]) {
        self.values = values
    }

    /// The value of a declared parameter, falling back to its default.
    public func value(_ parameter: PolicyParameter) -> Double {
        values[parameter.name] ?? parameter.defaultValue
    }

    /// The per-batch limits these parameters ask for (absent cap/floor mean none).
    public var limits: BatchLimits {
        BatchLimits(cap: values["cap"] ?? 1, floor: values["floor"] ?? 0)
    }
}
