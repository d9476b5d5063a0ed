import Testing
@testable import GenDataset

/// Splits keep every label's share, use every row once, repeat for the same seed, and refuse bad specs by name.
@Suite struct StratifiedSplitTests {
    /// 90 `a`, 10 `b`, interleaved.
    let strata: [String?] = (0..<100).map { $0 % 10 == 3 ? "b" : "a" }

    @Test func everyLabelKeepsItsShareInEverySplit() throws {
        let spec = try SplitSpec.parse("train=0.8,validation=0.1,test=0.1")
        let splits = StratifiedSplit.assign(strata: strata, spec: spec, seed: 5)
        #expect(splits.map(\.count) == [80, 10, 10])
        #expect(splits.map { $0.filter { strata[$0] == "b" }.count } == [8, 1, 1])
        #expect(splits.flatMap { $0 }.sorted() == Array(0..<100))
        #expect(splits.allSatisfy { $0 == $0.sorted() }, "each split keeps the dataset's order")
    }

    @Test func theSameSeedGivesTheSameSplitAndAnotherSeedAnother() throws {
        let spec = try SplitSpec.parse("train=0.5,test=0.5")
        let first = StratifiedSplit.assign(strata: strata, spec: spec, seed: 5)
        #expect(StratifiedSplit.assign(strata: strata, spec: spec, seed: 5) == first)
        #expect(StratifiedSplit.assign(strata: strata, spec: spec, seed: 6) != first)
    }

    @Test func roundingGivesEveryRowToExactlyOneSplit() {
        #expect(StratifiedSplit.counts(7, [0.5, 0.5]) == [4, 3])
        #expect(StratifiedSplit.counts(10, [0.34, 0.33, 0.33]) == [4, 3, 3])
        #expect(StratifiedSplit.counts(0, [0.9, 0.1]) == [0, 0])
        // Without a label field every row is one stratum.
        #expect(StratifiedSplit.assign(strata: [nil, nil, nil, nil], spec: SplitSpec.all, seed: 1) == [[0, 1, 2, 3]])
    }

    @Test func badSpecsSayWhatIsWrongAndHowToWriteIt() {
        let cases = [
            ("train=0.9,test=0.2", "bad --split: the fractions sum to 1.1, not 1"),
            ("train=0.9,test", "bad --split: `test` is not NAME=FRACTION"),
            ("train=abc", "bad --split: the fraction `abc` of split `train` is not a number in (0, 1]"),
            ("train=0.5,train=0.5", "bad --split: split `train` is named twice"),
            ("tr-ain=1", "bad --split: split name `tr-ain` must be letters, digits or `_`"),
            ("train=0,test=1", "bad --split: the fraction `0` of split `train` is not a number in (0, 1]"),
            ("", "bad --split: `` is not NAME=FRACTION"),
        ]
        for (text, message) in cases {
            #expect(throws: SplitSpecError(message.replacingOccurrences(of: "bad --split: ", with: ""),
                                           hint: "write it as NAME=FRACTION pairs that sum to 1, e.g. `train=0.9,test=0.1`"), "\(text)") {
                try SplitSpec.parse(text)
            }
        }
        #expect(SplitSpecError("x", hint: "y").description == "bad --split: x")
    }
}
