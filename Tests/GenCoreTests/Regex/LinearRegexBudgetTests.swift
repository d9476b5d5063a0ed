import Testing
@testable import GenCore

/// Linear time, asserted on the steps the matcher counts (never on the clock), and the step budget.
@Suite struct LinearRegexBudgetTests {
    /// The bound the matcher promises: each position visits each instruction at most twice.
    static func linearBound(_ regex: LinearRegex, _ text: String) -> Int {
        2 * (regex.programSize + 2) * (text.unicodeScalars.count + 1)
    }

    @Test(arguments: ["(a+)+$", "(a|a)*$", "(a|aa)+$", "(.*a){12}$", "^(\\w+\\s?)*$", "(x+x+)+y"])
    func catastrophicBacktrackingPatternsStayLinear(_ pattern: String) throws {
        let regex = try LinearRegex(pattern)
        let text = String(repeating: "a", count: 10_000) + "!"
        let run = try regex.run(in: text)
        #expect(run.steps <= Self.linearBound(regex, text), "\(pattern): \(run.steps) steps")
        let whole = try regex.run(in: text, whole: true)
        #expect(whole.steps <= Self.linearBound(regex, text), "\(pattern) whole: \(whole.steps) steps")
    }

    @Test func stepsGrowLinearlyWithTheText() throws {
        let regex = try LinearRegex("(a+)+$")
        let short = try regex.run(in: String(repeating: "a", count: 1_000) + "!")
        let long = try regex.run(in: String(repeating: "a", count: 10_000) + "!")
        #expect(!short.matched && !long.matched)
        #expect(long.steps < 11 * short.steps, "\(short.steps) then \(long.steps)")
    }

    @Test func anchoredPatternsStopWhenNoThreadIsLeft() throws {
        let run = try LinearRegex("^ab").run(in: "x" + String(repeating: "b", count: 10_000))
        #expect(!run.matched)
        #expect(run.steps < 10)
    }

    /// With no thread alive, the search jumps to the next scalar a match can begin with.
    @Test func searchesSkipWhereNoMatchCanBegin() throws {
        let text = String(repeating: "no digits here ", count: 700) + "card 4111111111111111"
        let card = try LinearRegex("[0-9]{12,19}").run(in: text)
        #expect(card.matched)
        #expect(card.steps < 200, "\(card.steps) steps")
        // A text without a digit is answered by the scan for a starting scalar alone.
        #expect(try LinearRegex("[0-9]{12,19}").run(in: "no digits here") == RegexRun(matched: false, steps: 0))
        let secret = try LinearRegex("(?i)\\b(password|cvv)\\b").run(in: text + " CVV")
        #expect(secret.matched)
        // Only where the text has a c, p or v (in either case) is a thread started.
        #expect(secret.steps < 1_000, "\(secret.steps) steps")
        // `\d*` can match nothing, so every position may begin a match: no skipping, and still right.
        #expect(try LinearRegex("x\\d*|\\d*").occurs(in: "abc"))
    }

    @Test func exceedingTheBudgetThrowsInsteadOfRunningOn() throws {
        let regex = try LinearRegex("(a+)+$")
        let text = String(repeating: "a", count: 10_000) + "!"
        let needed = try regex.run(in: text).steps
        #expect(throws: RegexBudgetExceeded(stepBudget: needed / 2, textLength: 10_001)) {
            try regex.occurs(in: text, stepBudget: needed / 2)
        }
        #expect(try !regex.occurs(in: text, stepBudget: needed))
        let message = RegexBudgetExceeded(stepBudget: 100, textLength: 7).description
        #expect(message == "the pattern took too long to match: over 100 steps on a text of 7 characters")
    }
}
