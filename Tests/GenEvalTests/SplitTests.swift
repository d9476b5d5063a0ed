import Testing
import GenEval

@Suite struct SplitTests {
    let samples = (0..<100).map { LabeledText(text: "t\($0)", label: $0 % 4 == 0 ? "rare" : "common") }

    @Test func stratifiedHalvesKeepLabelShares() throws {
        let split = try StratifiedSplit.split(samples, testFraction: 0.5, seed: 1)
        #expect(split.train.count + split.test.count == samples.count)
        #expect(Set(split.train.map(\.text)).isDisjoint(with: split.test.map(\.text)))
        #expect(split.test.filter { $0.label == "rare" }.count == 13)  // round(25 * 0.5)
        #expect(split.test.filter { $0.label == "common" }.count == 38)  // round(75 * 0.5)
    }

    @Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
        let first = try StratifiedSplit.split(samples, testFraction: 0.3, seed: 9)
        let again = try StratifiedSplit.split(samples, testFraction: 0.3, seed: 9)
        let other = try StratifiedSplit.split(samples, testFraction: 0.3, seed: 10)
        #expect(first.test == again.test)
        #expect(first.test != other.test)
    }

    @Test func everyLabelWithTwoSamplesReachesBothSides() throws {
        let tiny = [LabeledText(text: "a", label: "x"), LabeledText(text: "b", label: "x"), LabeledText(text: "c", label: "y")]
        let split = try StratifiedSplit.split(tiny, testFraction: 0.1, seed: 3)
        #expect(split.train.contains { $0.label == "x" } && split.test.contains { $0.label == "x" })
    }

    @Test func rejectsFractionOutsideOpenInterval() {
        #expect(throws: EvalError.self) { try StratifiedSplit.split(samples, testFraction: 1, seed: 0) }
        #expect(throws: EvalError.self) { try StratifiedSplit.split(samples, testFraction: 0, seed: 0) }
    }

    @Test func foldsAreBalancedPerLabel() {
        let folds = StratifiedSplit.foldAssignment(samples, folds: 5, seed: 4)
        for fold in 0..<5 {
            let members = folds.indices.filter { folds[$0] == fold }.map { samples[$0] }
            #expect(members.count == 20)
            #expect((4...6).contains(members.filter { $0.label == "rare" }.count))
        }
    }
}
