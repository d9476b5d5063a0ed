/// Distinct-1 and distinct-2 of a growing pool of texts, updated one text at a time.
struct TextDiversity {
    private var unigrams: Set<String> = []
    private var bigrams: Set<String> = []
    private var unigramTotal = 0
    private var bigramTotal = 0
    private(set) var texts = 0

    /// Lowercased word tokens: letters and digits, everything else separates.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    mutating func add(_ text: String) {
        let words = Self.words(text)
        texts += 1
        unigramTotal += words.count
        unigrams.formUnion(words)
        if words.count > 1 {
            for index in 1..<words.count { bigrams.insert(words[index - 1] + " " + words[index]) }
            bigramTotal += words.count - 1
        }
    }

    var figures: DiversityFigures {
        DiversityFigures(
            texts: texts,
            distinct1: unigramTotal > 0 ? Double(unigrams.count) / Double(unigramTotal) : 0,
            distinct2: bigramTotal > 0 ? Double(bigrams.count) / Double(bigramTotal) : 0)
    }
}
