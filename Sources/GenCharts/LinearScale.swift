/// Maps a numeric domain linearly onto a pixel range (which may run backwards, as y axes do).
public struct LinearScale: Sendable, Equatable {
    public var domain: (lower: Double, upper: Double)
    public var range: (lower: Double, upper: Double)

    /// A degenerate domain (one value, non-finite bounds) is widened first; see `NiceTicks.usableDomain`.
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = NiceTicks.usableDomain(domain.0, domain.1)
        self.range = range
    }

    /// The scale over `values` (plus zero when `includeZero`), its domain widened to nice ticks.
    public static func nice(over values: [Double], includeZero: Bool = false, range: (Double, Double), tickCount: Int = 5) -> LinearScale {
        let finite = values.filter(\.isFinite) + (includeZero ? [0] : [])
        let lower = finite.min() ?? 0
        let upper = finite.max() ?? 1
        let niced = NiceTicks.niceDomain(lower, upper, count: tickCount)
        return LinearScale(domain: (niced.lower, niced.upper), range: range)
    }

    public static func == (lhs: LinearScale, rhs: LinearScale) -> Bool {
        lhs.domain == rhs.domain && lhs.range == rhs.range
    }

    /// The pixel position of `value`; values outside the domain extrapolate.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        let t = span == 0 ? 0.5 : (value - domain.lower) / span
        return range.lower + t * (range.upper - range.lower)
    }

    /// The value at a pixel position (the inverse mapping).
    public func invert(_ position: Double) -> Double {
        let span = range.upper - range.lower
        let t = span == 0 ? 0.5 : (position - range.lower) / span
        return domain.lower + t * (domain.upper - domain.lower)
    }

    /// Nice tick values inside the domain.
    public func ticks(count: Int = 5) -> [Double] {
        NiceTicks.ticks(domain.lower, domain.upper, count: count)
    }

    /// The distance between two neighbouring ticks, for choosing label precision.
    public func tickStep(count: Int = 5) -> Double {
        NiceTicks.step(span: domain.upper - domain.lower, count: count)
    }
}
