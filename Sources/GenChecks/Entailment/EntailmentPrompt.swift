import GenProviders

/// The yes/no question an entailment check asks its judge model.
///
/// Two worked examples (one Yes, one No) come first: with them SmolLM2-135M put 96% of its first-token mass
/// on Yes/No, against about 50% without (the rest went to "The", "P", ...), so the probability read from the
/// logprobs is about the answer rather than about the format.
enum EntailmentPrompt {
    /// Bumped whenever the wording changes, so cached answers to the old wording are not reused.
    static let version = 1

    static func messages(premise: String, hypothesis: String) -> [ChatMessage] {
        [
            .system("You judge whether a text supports a statement. Answer with one word: Yes or No."),
            .user(question(premise: "It is raining heavily outside.", hypothesis: "The weather is wet.")),
            .assistant("Yes"),
            .user(question(premise: "The shop closes at noon.", hypothesis: "The customer loves pizza.")),
            .assistant("No"),
            .user(question(premise: premise, hypothesis: hypothesis)),
        ]
    }

    private static func question(premise: String, hypothesis: String) -> String {
        "Text: \(premise)\nStatement: \(hypothesis)\nDoes the text support the statement?"
    }
}
