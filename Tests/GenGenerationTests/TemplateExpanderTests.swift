import Testing
import GenCore
@testable import GenGeneration

@Suite struct TemplateExpanderTests {
    let expander = TemplateExpander(slots: ["card": ["card", "debit card"], "gone": ["lost", "{stolen|missing}"]])

    @Test func expandsSlotsAndAlternatives() {
        var rng = SeededRandom(seed: 1)
        var seen = Set<String>()
        for _ in 0..<200 { seen.insert(expander.expand("my {card} is {gone}", using: &rng)) }
        #expect(seen == [
            "my card is lost", "my card is stolen", "my card is missing",
            "my debit card is lost", "my debit card is stolen", "my debit card is missing",
        ])
    }

    @Test func optionalGroupsLeaveNoDoubleSpaces() {
        var rng = SeededRandom(seed: 2)
        var seen = Set<String>()
        for _ in 0..<100 { seen.insert(expander.expand("please {really|} help", using: &rng)) }
        #expect(seen == ["please really help", "please help"])
    }

    @Test func sameSeedSameExpansion() {
        var a = SeededRandom(seed: 9), b = SeededRandom(seed: 9)
        let first = (0..<20).map { _ in expander.expand("{card} {gone}", using: &a) }
        let second = (0..<20).map { _ in expander.expand("{card} {gone}", using: &b) }
        #expect(first == second)
    }

    @Test func reportsProblems() {
        #expect(expander.problems(in: "my {cards}") == ["unknown slot `cards` in pattern \"my {cards}\""])
        #expect(expander.problems(in: "my {card") == ["unclosed `{` in pattern \"my {card\""])
        #expect(expander.problems(in: "my card}") == ["`}` without `{` in pattern \"my card}\""])
        #expect(expander.problems(in: "my {card} is {gone}").isEmpty)
    }

    @Test func selfReferentialSlotsStop() {
        let looping = TemplateExpander(slots: ["x": ["{x}a"]])
        var rng = SeededRandom(seed: 3)
        let text = looping.expand("{x}", using: &rng)
        #expect(text.hasSuffix("aaaaaaaa"))
    }

    @Test func varietyCountsCombinations() {
        #expect(expander.variety(of: "my {card} is {lost|stolen|gone}") == 6)
        #expect(expander.variety(of: "plain") == 1)
    }
}
