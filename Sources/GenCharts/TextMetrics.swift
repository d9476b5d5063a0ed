/// Rough text widths for layout: SVG cannot measure text before it is drawn, and the report runs no script.
enum TextMetrics {
    /// Average advance of a 12 px sans-serif character, generous so labels do not collide.
    static let averageCharacterWidth = 6.8

    static func width(_ text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * averageCharacterWidth * fontSize / 12
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func truncated(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "\u{2026}"
    }
}
