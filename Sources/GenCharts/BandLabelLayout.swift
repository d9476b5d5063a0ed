import Foundation

/// How a band axis shows its category labels. Categories are names (labels, arms, rejection reasons), so
/// every one is shown when it can be: upright when they fit side by side, slanted when the bands are too
/// narrow for upright labels but wide enough for a slanted line of text. Only bands narrower than a line
/// (a hundred batches, say) show every k-th label.
enum BandLabelLayout: Equatable {
    case upright, slanted, thinned

    /// Characters kept of a long label.
    static let limit = 18
    /// Degrees a slanted label turns counter-clockwise.
    static let angle = 40.0
    /// A slanted label needs this much band width: one line of 12 px text across the slant.
    static let lineSpacing = 13.0

    static func choose(_ categories: [String], plotWidth: Double) -> BandLabelLayout {
        guard !categories.isEmpty else { return .upright }
        let step = plotWidth / Double(categories.count)
        if widest(categories) + 8 <= step { return .upright }
        return step >= lineSpacing ? .slanted : .thinned
    }

    static func widest(_ categories: [String]) -> Double {
        categories.map { TextMetrics.width(TextMetrics.truncated($0, limit: limit)) }.max() ?? 0
    }

    /// The frame's bottom margin: room for the slanted labels' height under the axis, then the axis title.
    func bottomMargin(_ categories: [String]) -> Double {
        guard self == .slanted else { return 46 }
        let height = Self.widest(categories) * sin(Self.angle * .pi / 180) + 12
        return 14 + height + 22
    }
}
