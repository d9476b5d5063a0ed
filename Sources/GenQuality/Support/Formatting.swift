import Foundation

/// Number formatting for messages and benchmark tables.
enum Formatting {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
