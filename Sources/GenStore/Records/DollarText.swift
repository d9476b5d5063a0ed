import Foundation

/// How dollars read everywhere a run's cost is shown (the run summary, resume, `gen report`, the card):
/// `$0.0123`, and "no price declared" for an unknown cost, never `$0`.
public enum DollarText {
    /// What an unknown cost reads as: no model the figure covers declares a `price`.
    public static let unknown = "no price declared"

    /// `$0.0123` (four decimals; six below a hundredth of a cent, so a tiny cost does not read as `$0.0000`).
    public static func amount(_ dollars: Double?) -> String {
        guard let dollars, dollars.isFinite else { return unknown }
        if dollars > 0, dollars < 0.0001 { return String(format: "$%.6f", dollars) }
        return String(format: "$%.4f", dollars)
    }

    /// What follows a total that leaves unpriced models out: ` (without model local's calls: it declares no price)`;
    /// empty when every model used has a price.
    public static func partial(unpriced models: [String]) -> String {
        guard !models.isEmpty else { return "" }
        let names = models.map { "`\($0)`" }.joined(separator: ", ")
        return models.count == 1
            ? " (without model \(names)'s calls: it declares no price)"
            : " (without the calls of models \(names): they declare no price)"
    }

    /// A table cell: the amount, or "-" when unknown (the caption or total says why).
    public static func cell(_ dollars: Double?) -> String {
        dollars == nil ? "-" : amount(dollars)
    }

    /// A budget as the script gives it, with cents: `2.50` (`0.005` below a cent, which cents would show as 0.00).
    public static func limit(_ dollars: Double) -> String {
        dollars >= 0.01 || dollars <= 0 ? String(format: "%.2f", dollars) : String(format: "%g", dollars)
    }
}
