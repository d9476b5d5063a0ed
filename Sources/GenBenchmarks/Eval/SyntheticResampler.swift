import GenEval
import GenCore

/// Makes bigger training sets from a small one for timing: rows drawn with replacement, each lightly
/// perturbed (words dropped, replaced by a word from another row, or swapped) so texts are not identical.
public enum SyntheticResampler {
    public static func resample(_ samples: [LabeledText], count: Int, seed: UInt64) -> [LabeledText] {
        guard !samples.isEmpty, count > 0 else { return [] }
        var rng = SeededRandom(seed: seed).derived("synthetic-resample")
        let wordLists = samples.map { $0.text.split(separator: " ") }
        var result: [LabeledText] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let row = rng.nextIndex(samples.count)
            var words = wordLists[row]
            perturb(&words, donors: wordLists, rng: &rng)
            result.append(LabeledText(text: words.joined(separator: " "), label: samples[row].label))
        }
        return result
    }

    private static func perturb(_ words: inout [Substring], donors: [[Substring]], rng: inout SeededRandom) {
        var index = 0
        while index < words.count {
            let roll = rng.nextUnit()
            if roll < 0.05, words.count > 1 {
                words.remove(at: index)
                continue
            } else if roll < 0.10, let donor = donors[rng.nextIndex(donors.count)].randomElement(using: &rng) {
                words[index] = donor
            } else if roll < 0.15, index + 1 < words.count {
                words.swapAt(index, index + 1)
            }
            index += 1
        }
    }
}
