import Foundation

/// Lexical TF-IDF cosine, computed in-process: the similarity fallback when no embedding model is declared.
///
/// Document frequencies come from a reference corpus plus the two texts compared; IDF is smoothed
/// (`ln((1 + N) / (1 + df)) + 1`) so a word present in every document still counts and identical texts
/// always score 1.
struct LexicalTFIDF {
    private let documentFrequency: [String: Int]
    private let documentCount: Int

    init(corpus: [String]) {
        var frequency: [String: Int] = [:]
        for document in corpus {
            for word in Set(Self.words(document)) { frequency[word, default: 0] += 1 }
        }
        documentFrequency = frequency
        documentCount = corpus.count
    }

    /// Cosine of the TF-IDF vectors of `a` and `b`, in [0, 1]; 0 when either has no words.
    func cosine(_ a: String, _ b: String) -> Double {
        let wordsA = Self.words(a), wordsB = Self.words(b)
        let setA = Set(wordsA), setB = Set(wordsB)
        let count = Double(documentCount + 2)
        var idf: [String: Double] = [:]
        for word in setA.union(setB) {
            let frequency = documentFrequency[word, default: 0] + (setA.contains(word) ? 1 : 0) + (setB.contains(word) ? 1 : 0)
            idf[word] = log((1 + count) / (1 + Double(frequency))) + 1
        }
        let vectorA = weights(wordsA, idf), vectorB = weights(wordsB, idf)
        var dot = 0.0
        for (word, weight) in vectorA { dot += weight * (vectorB[word] ?? 0) }
        let lengths = Self.length(vectorA) * Self.length(vectorB)
        return lengths > 0 ? min(1, dot / lengths) : 0
    }

    private func weights(_ words: [String], _ idf: [String: Double]) -> [String: Double] {
        var counts: [String: Double] = [:]
        for word in words { counts[word, default: 0] += 1 }
        return counts.reduce(into: [:]) { result, entry in result[entry.key] = entry.value * (idf[entry.key] ?? 1) }
    }

    private static func length(_ vector: [String: Double]) -> Double {
        vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
