import GenProviders

/// The zero-shot classification question a label-agreement check asks: the labels as lettered options, the
/// answer one letter. A worked example from an unrelated task shows the format without favouring any label.
enum LabelAgreementPrompt {
    /// Bumped whenever the wording changes, so cached answers to the old wording are not reused.
    static let version = 1
    /// Texts with no content, whose answers measure the model's bias towards each letter (Zhao et al. 2021).
    static let contentFree = ["N/A", "", "[MASK]"]

    static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "A") + UInt8(index)))
    }

    static func messages(domain: String, text: String, labels: [String]) -> [ChatMessage] {
        [
            .system("You classify texts. Answer with the letter of the best category and nothing else."),
            .user(question(domain: "Short restaurant reviews", text: "The soup was cold and the waiter ignored us.",
                           labels: ["praise", "complaint"])),
            .assistant("B"),
            .user(question(domain: domain, text: text, labels: labels)),
        ]
    }

    static func question(domain: String, text: String, labels: [String]) -> String {
        let options = labels.enumerated().map { "\(letter($0.offset))) \($0.element)" }.joined(separator: "\n")
        return "Kind of text: \(domain)\nCategories:\n\(options)\n\nText: \(text)\nWhich category fits the text best?"
    }
}
