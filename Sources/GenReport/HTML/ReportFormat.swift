import Foundation
import GenCharts

/// Numbers, dates and durations as the report and the card print them.
enum ReportFormat {
    /// "12,345".
    static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// "42.5%"; "n/a" without a denominator.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? NumberText.fixed(100 * Double(part) / Double(whole), decimals: 1) + "%" : "n/a"
    }

    static func decimal(_ value: Double?, _ decimals: Int = 3) -> String {
        value.map { NumberText.fixed($0, decimals: decimals) } ?? "n/a"
    }

    /// "2026-11-25 17:50:28 UTC".
    static func date(_ date: Date?) -> String {
        guard let date else { return "not yet" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    /// "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min".
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "n/a" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 { return NumberText.fixed(seconds, decimals: 1) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60) min " + String(format: "%02d", whole % 60) + " s" }
        return "\(whole / 3600) h " + String(format: "%02d", (whole % 3600) / 60) + " min"
    }

    /// A parameter list: "temperature 0.7, top_p 0.9".
    static func parameters(_ values: [String: String]) -> String {
        values.isEmpty ? "none" : values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func clipped(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "\u{2026}"
    }
}
