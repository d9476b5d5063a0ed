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

    @Test func thresholdGrowsWithLengthUpToThree() {
        #expect(EditDistance.threshold(forLength: 2) == 1)
        #expect(EditDistance.threshold(forLength: 6) == 2)
        #expect(EditDistance.threshold(forLength: 30) == 3)
    }

    @Test func exitCodesFollowSysexits() {
        #expect([ExitCode.ok, ExitCode.gateFailed, ExitCode.scriptError, ExitCode.runtimeFailure] == [0, 1, 65, 70])
    }
}
