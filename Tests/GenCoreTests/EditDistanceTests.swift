import Testing
@testable import GenCore

@Suite struct EditDistanceTests {
    @Test func damerauLevenshteinCountsSwapsAsOneEdit() {
        #expect(EditDistance.distance("", "") == 0)
        #expect(EditDistance.distance("abc", "") == 3)
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("weight", "wieght") == 1)
        #expect(EditDistance.distance("schema", "shema") == 1)
        #expect(EditDistance.distance("ca", "abc") == 3)  // optimal string alignment, not unrestricted
    }

    @Test func suggestsTheClosestPlausibleName() {
        let names = ["temperature", "top_p", "max_tokens", "seed"]
        #expect(suggest("temprature", candidates: names) == "temperature")
        #expect(suggest("top_k", candidates: names) == "top_p")
        #expect(suggest("Seed", candidates: names) == "seed")
        #expect(suggest("colour", candidates: names) == nil)
        #expect(suggest("x", candidates: ["y", "z"]) == nil)  // one-letter names match nothing
        #expect(suggest("seed", candidates: names) == nil)  // the name itself is not a suggestion
    }

    @Test func boundedDistanceIsExactUpToItsLimitAndAboveItOtherwise() {
        var random = SeededRandom(seed: 5)
        let alphabet = Array("abcab")
        for _ in 0..<2_000 {
            let x = (0..<Int(random.next() % 9)).map { _ in alphabet[Int(random.next() % 5)] }
            let y = (0..<Int(random.next() % 9)).map { _ in alphabet[Int(random.next() % 5)] }
            let exact = EditDistance.distance(String(x), String(y))
            for limit in 0...4 {
                let bounded = EditDistance.distance(x, y, limit: limit)
                if exact <= limit { #expect(bounded == exact, "\(String(x)) \(String(y)) limit \(limit)") }
                else { #expect(bounded > limit, "\(String(x)) \(String(y)) limit \(limit)") }
            }
        }
    }

    @Test func tiesGoToTheEarliestCandidateAndCaseOnlyDifferencesWin() {
        #expect(suggest("colr", candidates: ["cola", "colt"]) == "cola")
        #expect(suggest("Label", candidates: ["lapel", "label"]) == "label")
    }

    @Test func thresholdGrowsWithLengthUpToThree() {
        #expect(EditDistance.threshold(forLength: 2) == 1)
        #expect(EditDistance.threshold(forLength: 6) == 2)
        #expect(EditDistance.threshold(forLength: 30) == 3)
    }

    @Test func exitCodesFollowSysexits() {
        #expect([ExitCode.ok, ExitCode.gateFailed, ExitCode.scriptError, ExitCode.runtimeFailure] == [0, 1, 65, 70])
    }
}
