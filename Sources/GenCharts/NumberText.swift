import Foundation

/// Number formatting for SVG coordinates and axis labels.
public enum NumberText {
    /// A coordinate rounded to 0.01 px with trailing zeros dropped: "12", "3.5", "-0.25".
    public static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A tick label with as many decimals as the tick step needs; thousands and millions abbreviated.
    public static func tick(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return "" }
        let magnitude = abs(value)
        if magnitude >= 1_000_000, step >= 100_000 { return trimmed(value / 1_000_000, decimals: decimals(for: step / 1_000_000)) + "M" }
        if magnitude >= 10_000, step >= 1_000 { return trimmed(value / 1_000, decimals: decimals(for: step / 1_000)) + "k" }
        return trimmed(value, decimals: decimals(for: step))
    }

    /// A value for tables and tooltips with a fixed number of decimals.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        let text = String(format: "%.\(max(0, decimals))f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// The shortest text that reads back as exactly `value` (for data attributes that tests compare).
    public static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        return max(0, min(6, -Int(floor(log10(step) + 1e-9))))
    }

    static func trimmed(_ value: Double, decimals: Int) -> String {
        fixed(value, decimals: decimals)
    }
}
