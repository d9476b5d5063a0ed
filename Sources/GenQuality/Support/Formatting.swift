/// Number formatting for messages and benchmark tables.
enum Formatting {
    /// `value` with `digits` decimals ("0.84"), without Foundation's `String(format:)`, which is slow on
    /// Linux and would be paid by every rejected duplicate's message.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return "\(value)" }
        let whole = UInt64(scaled)
        let integer = String(whole / UInt64(scale))
        let sign = value < 0 && whole != 0 ? "-" : ""
        guard digits > 0 else { return sign + integer }
        let fraction = String(whole % UInt64(scale))
        return sign + integer + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
