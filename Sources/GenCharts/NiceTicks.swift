import Foundation

/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, so labels read 0, 0.2, 0.4 rather than 0, 0.17, 0.34.
public enum NiceTicks {
    /// The nice step that splits `span` into about `count` intervals.
    public static func step(span: Double, count: Int) -> Double {
        let intervals = Double(max(1, count))
        guard span.isFinite, span > 0 else { return 1 }
        let raw = span / intervals
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double
        if fraction < 1.5 {
            nice = 1
        } else if fraction < 3 {
            nice = 2
        } else if fraction < 7 {
            nice = 5
        } else {
            nice = 10
        }
        return nice * magnitude
    }

    /// A domain that always has width: non-finite bounds become 0...1, and a single value is widened to include
    /// zero (or to 0...1 when it is zero), so one point or all-equal values still get an axis.
    public static func usableDomain(_ lower: Double, _ upper: Double) -> (lower: Double, upper: Double) {
        guard lower.isFinite, upper.isFinite else { return (0, 1) }
        let (low, high) = lower <= upper ? (lower, upper) : (upper, lower)
        if high > low { return (low, high) }
        if low == 0 { return (0, 1) }
        return low > 0 ? (0, low) : (low, 0)
    }

    /// The domain widened outward to multiples of the nice step.
    public static func niceDomain(_ lower: Double, _ upper: Double, count: Int) -> (lower: Double, upper: Double) {
        let (low, high) = usableDomain(lower, upper)
        let step = step(span: high - low, count: count)
        return (snap(floor(low / step + 1e-9) * step, step: step), snap(ceil(high / step - 1e-9) * step, step: step))
    }

    /// Tick values inside `lower...upper` at the nice step (both ends included when they fall on it).
    public static func ticks(_ lower: Double, _ upper: Double, count: Int) -> [Double] {
        let (low, high) = usableDomain(lower, upper)
        let step = step(span: high - low, count: count)
        let first = ceil(low / step - 1e-9)
        let last = floor(high / step + 1e-9)
        guard last >= first, last - first < 1000 else { return [low, high] }
        return stride(from: first, through: last, by: 1).map { snap($0 * step, step: step) }
    }

    /// `value` rounded to the step's decimal precision, so 3 * 0.1 compares and prints as 0.3 (and -0 as 0).
    static func snap(_ value: Double, step: Double) -> Double {
        let digits = max(0, -Int(floor(log10(step))))
        let scale = pow(10, Double(digits))
        let snapped = (value * scale).rounded() / scale
        return snapped == 0 ? 0 : snapped
    }
}
