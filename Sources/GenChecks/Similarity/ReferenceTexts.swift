import GenCore
import GenPipeline

/// Texts that stand for "ordinary text" when centring embeddings and weighting words.
///
/// Decided: centre on a fixed, topic-diverse reference set plus the spec's seed examples, not on a running
/// mean of the samples seen. A fixed centre makes every score reproducible (a resumed run or concurrent
/// batches score a sample exactly as before) and is sound from the first sample; the built-in sentences keep
/// the centre from collapsing onto the domain text when a spec has few or no examples.
enum ReferenceTexts {
    static let general: [String] = [
        "The train to the airport leaves every twenty minutes.",
        "She planted tomatoes and basil in the garden this spring.",
        "The central bank raised interest rates by a quarter point.",
        "Our team won the match after a penalty shootout.",
        "Please reset my password, I cannot log in to my account.",
        "The soup needs more salt and a little black pepper.",
        "Researchers found a new species of frog in the rainforest.",
        "The concert was cancelled because of the storm.",
        "I would like to return these shoes, they are too small.",
        "The museum opens at nine and closes at five on weekdays.",
        "He fixed the leaking pipe under the kitchen sink.",
        "The new phone has a larger battery and a better camera.",
        "Children learn languages faster than most adults.",
        "The hotel room was clean but the wifi did not work.",
        "Voters will elect a new mayor in November.",
        "The recipe calls for two eggs and a cup of flour.",
        "My flight was delayed for three hours without explanation.",
        "The company reported higher profits in the last quarter.",
        "A strong earthquake shook the coastal town at night.",
        "This film is boring and far too long.",
        "Thank you so much, the delivery arrived early!",
        "The doctor recommended rest and plenty of water.",
        "Can you tell me the balance of my savings account?",
        "The software update fixed several security problems.",
    ]

    /// The spec's own seed texts: the text of each example (every string field except the label).
    static func seeds(of spec: SpecNode) -> [String] {
        spec.examples.flatMap { example -> [String] in
            switch example {
            case .string(let text): return [text]
            case .object(let fields):
                return fields.sorted { $0.key < $1.key }
                    .filter { $0.key != spec.labelField }
                    .compactMap { $0.value.stringValue }
            default: return []
            }
        }
    }

    /// Reference set for a spec: the general sentences, then its seeds (no duplicates, order kept).
    static func forSpec(_ spec: SpecNode) -> [String] {
        var seen = Set<String>()
        return (general + seeds(of: spec)).filter { seen.insert($0).inserted }
    }
}
