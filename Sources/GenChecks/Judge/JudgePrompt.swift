import GenProviders

/// The judge's instructions: score one sample against each criterion on a 1-5 scale, as a JSON object.
enum JudgePrompt {
    /// Bumped whenever the wording changes, so cached judgments of the old wording are not reused.
    static let version = 1

    static func messages(sample: String, rubric: JudgeRubric) -> [ChatMessage] {
        let criteria = rubric.criteria.map { "- \($0)" }.joined(separator: "\n")
        return [
            .system(
                """
                You are a strict data-quality judge. Rate how well the sample meets each criterion, \
                from 1 (not at all) to 5 (completely). Reply with a JSON object that maps each criterion, \
                word for word, to its integer score.
                """),
            .user("Sample:\n\(sample)\n\nCriteria:\n\(criteria)"),
        ]
    }

    /// Room for the JSON answer: each criterion is echoed as a key, so budget its length plus the score.
    static func maxTokens(for rubric: JudgeRubric) -> Int {
        32 + rubric.criteria.reduce(0) { $0 + $1.count + 8 }
    }
}
