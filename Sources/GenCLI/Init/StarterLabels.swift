/// The labels of a starter project (`gen init --labels a,b,c`), checked before they are written into a script,
/// a JSON seed file and a README, so no label can break out of a string literal or JSON.
enum StarterLabels {
    static let defaults = ["positive", "negative"]
    static let maximumLength = 40

    /// The labels in `text`, or a usage error naming the first bad one.
    static func parse(_ text: String) throws(UsageError) -> [String] {
        let labels = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let hint = "labels are words of letters, digits, `_` and `-`, separated by commas, like --labels lost_card,refund,other"
        for label in labels {
            if label.isEmpty {
                throw UsageError(message: "--labels has an empty label in `\(text)`", hint: hint)
            }
            if label.count > maximumLength {
                throw UsageError(message: "label `\(label.prefix(20))...` is longer than \(maximumLength) characters", hint: hint)
            }
            if let bad = label.first(where: { !isAllowed($0) }) {
                throw UsageError(message: "label `\(label)` has the character `\(bad)`", hint: hint)
            }
        }
        if let repeated = labels.enumerated().first(where: { labels[..<$0.offset].contains($0.element) })?.element {
            throw UsageError(message: "label `\(repeated)` is given twice", hint: "each label once")
        }
        if labels.count < 2 {
            throw UsageError(message: "--labels needs at least two labels, got `\(text)`", hint: hint)
        }
        return labels
    }

    static func isAllowed(_ character: Character) -> Bool {
        character == "_" || character == "-" || character.isLetter || character.isNumber
    }
}
