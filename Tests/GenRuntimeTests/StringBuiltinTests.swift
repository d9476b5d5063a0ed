import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct StringBuiltinTests {
    @Test func lenCountsCharactersAndListElements() throws {
        #expect(try eval(E.call("len", E.str("héllo 👋🏽"))) == .int(7))
        #expect(try eval(E.call("len", E.str(""))) == .int(0))
        #expect(try eval(E.call("len", E.list([E.int(1), E.int(2)]))) == .int(2))
        let error = failure(E.call("len", E.int(3)))
        #expect(error?.kind == .typeMismatch)
        #expect(error?.message == "`len` cannot take (int); it takes (string) or (list(any))")
    }

    @Test func caseAndTrim() throws {
        #expect(try eval(E.call("lower", E.str("ÀB c"))) == .string("àb c"))
        #expect(try eval(E.call("upper", E.str("straße"))) == .string("STRASSE"))
        #expect(try eval(E.call("trim", E.str(" \n\t hi there \r\n"))) == .string("hi there"))
        #expect(try eval(E.call("trim", E.str("   "))) == .string(""))
        #expect(failure(E.call("lower", E.int(1)))?.kind == .typeMismatch)
    }

    @Test func wordsSplitsOnAnyWhitespace() throws {
        #expect(try eval(E.call("words", E.str("  the\tquick\n brown  "))) == .list(["the", "quick", "brown"]))
        #expect(try eval(E.call("words", E.str(""))) == .list([]))
    }

    @Test func containsStartsWithEndsWith() throws {
        #expect(try eval(E.call("contains", E.str("my debit card"), E.str("debit"))) == .bool(true))
        #expect(try eval(E.call("contains", E.str("abc"), E.str("x"))) == .bool(false))
        #expect(try eval(E.call("contains", E.str("abc"), E.str(""))) == .bool(true))
        #expect(try eval(E.call("starts_with", E.str("Hello"), E.str("He"))) == .bool(true))
        #expect(try eval(E.call("starts_with", E.str("Hello"), E.str("he"))) == .bool(false))
        #expect(try eval(E.call("ends_with", E.str("why?"), E.str("?"))) == .bool(true))
        #expect(try eval(E.call("ends_with", E.str(""), E.str("?"))) == .bool(false))
        #expect(failure(E.call("contains", E.str("abc"), E.int(1)))?.message == "`contains` cannot take (string, int); it takes (string, string) or (list(any), any) or (range(int), int) or (range(float), float)")
    }

    @Test func splitKeepsEmptyParts() throws {
        #expect(try eval(E.call("split", E.str("a,,b"), E.str(","))) == .list(["a", "", "b"]))
        #expect(try eval(E.call("split", E.str("One. Two. "), E.str(". "))) == .list(["One", "Two", ""]))
        #expect(try eval(E.call("split", E.str(""), E.str(","))) == .list([""]))
        #expect(failure(E.call("split", E.str("a"), E.str("")))?.message == "`split`: the separator is empty")
    }

    @Test func joinNeedsStringsAndDefaultsToNoSeparator() throws {
        let items = E.list([E.str("a"), E.str("b"), E.str("c")])
        #expect(try eval(E.call("join", items, E.str(", "))) == .string("a, b, c"))
        #expect(try eval(E.call("join", items)) == .string("abc"))
        #expect(try eval(E.call("join", E.list([]), E.str("-"))) == .string(""))
        let error = failure(E.call("join", E.list([E.str("a"), E.int(2)]), E.str(",")))
        #expect(error?.message == "`join`: element 1 is int 2, not a string")
    }

    @Test func replaceReplacesEveryOccurrence() throws {
        #expect(try eval(E.call("replace", E.str("a-b-c"), E.str("-"), E.str("+"))) == .string("a+b+c"))
        #expect(try eval(E.call("replace", E.str("abc"), E.str("x"), E.str("y"))) == .string("abc"))
        #expect(failure(E.call("replace", E.str("abc"), E.str(""), E.str("y")))?.kind == .invalidArgument)
    }

    @Test func matchesSearchesWithARegex() throws {
        #expect(try eval(E.call("matches", E.str("card 4111111111111111 ok"), E.str("[0-9]{12,19}"))) == .bool(true))
        #expect(try eval(E.call("matches", E.str("card 4111"), E.str("[0-9]{12,19}"))) == .bool(false))
        #expect(try eval(E.call("matches", E.str("Sure, here is"), E.str("^sure"))) == .bool(false))
        #expect(try eval(E.call("matches", E.str("visit https://x.io"), E.str("https?://|www\\."))) == .bool(true))
        #expect(try eval(E.call("matches", E.str("naïve 👋"), E.str("👋$"))) == .bool(true))
        let error = failure(E.call("matches", E.str("x"), E.str("[unclosed")))
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message == "`matches`: invalid regular expression \"[unclosed\": unclosed `[`")
        #expect(error?.hint == "add a `]`, or write \\[ to match a bracket")
        let lookahead = failure(E.call("matches", E.str("x"), E.str("a(?!b)")))
        #expect(lookahead?.message.contains("lookahead `(?!` is not supported") == true)
    }

    /// `(a+)+$` took ICU 39 s on 60 characters; here it is linear, and a match over the regex step budget
    /// fails the call (a rule then rejects the sample) instead of running on.
    @Test func matchesIsLinearAndBoundedByItsStepBudget() throws {
        let text = E.str(String(repeating: "a", count: 10_000) + "!")
        #expect(try eval(E.call("matches", text, E.str("(a+)+$"))) == .bool(false))
        let tight = try Interpreter(limits: EvaluationLimits(regexStepBudget: 1_000))
        let error = failure(E.call("matches", text, E.str("(a+)+$")), interpreter: tight)
        #expect(error?.kind == .regexBudgetExceeded)
        #expect(error?.message == "`matches`: the pattern took too long to match: over 1000 steps on a text of 10001 characters")
        #expect(try eval(E.call("matches", E.str("aaa!"), E.str("(a+)+$")), interpreter: tight) == .bool(false))
    }
}
