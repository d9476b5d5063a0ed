import GenProviders

/// P(yes) from the first generated token's alternatives: p(yes) / (p(yes) + p(no)), where each side sums
/// every spelling a tokenizer may produce (" Yes", "yes", "YES", "Yes." ...).
struct YesNoProbability: Equatable {
    var yes: Double
    var no: Double

    init(alternatives: [TokenAlternative]) {
        var yes = 0.0, no = 0.0
        for alternative in alternatives {
            switch Self.answer(alternative.token) {
            case .some(true): yes += alternative.probability
            case .some(false): no += alternative.probability
            case .none: break
            }
        }
        self.yes = yes
        self.no = no
    }

    /// The share of yes among yes and no; nil when neither is among the alternatives.
    var probability: Double? {
        let mass = yes + no
        return mass > 0 ? yes / mass : nil
    }

    /// True for a yes, false for a no, nil for anything else. Case, surrounding spaces and trailing
    /// punctuation do not matter; "Y" or "Not" are not answers.
    static func answer(_ token: String) -> Bool? {
        let word = token.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)).lowercased()
        switch word {
        case "yes": return true
        case "no": return false
        default: return nil
        }
    }

    /// The answer at the start of a free-text reply ("Yes, because..." is a yes), nil when it starts otherwise.
    static func answer(text: String) -> Bool? {
        let firstWord = text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).first.map(String.init) ?? ""
        return answer(firstWord)
    }
}
