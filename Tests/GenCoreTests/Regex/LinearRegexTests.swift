import Testing
@testable import GenCore

/// What patterns match, case by case; the expected answers are ICU's (NSRegularExpression's), checked by hand.
@Suite struct LinearRegexTests {
    /// (pattern, text, occurs somewhere)
    static let table: [(String, String, Bool)] = [
        ("[0-9]{12,19}", "card 4111111111111111 ok", true),
        ("[0-9]{12,19}", "call 555-0100", false),
        ("https?://|www\\.", "see www.example.com", true),
        ("https?://|www\\.", "wwwxexample", false),
        ("\\[[A-Z_ ]+\\]|\\{[a-z_]+\\}|<[a-z_]+>", "Dear [NAME],", true),
        ("\\[[A-Z_ ]+\\]|\\{[a-z_]+\\}|<[a-z_]+>", "Dear {name}", true),
        ("\\[[A-Z_ ]+\\]|\\{[a-z_]+\\}|<[a-z_]+>", "Dear Ana", false),
        ("(?i)\\b(password|pin code|cvv)\\b", "What is your PIN code?", true),
        ("(?i)\\b(password|pin code|cvv)\\b", "passwords", false),
        ("^abc$", "abc", true), ("^abc$", "abc\n", true), ("^abc$", "abc\n\n", false), ("^abc$", "xabc", false),
        ("a$", "a\r\n", true), ("a$", "a\u{0B}", true), ("a\\z", "a\n", false), ("a\\Z", "a\r\n", true),
        ("(?m)^b", "a\nb", true), ("(?m)^b", "a\r\nb", true), ("^b", "a\nb", false), ("(?m)a$", "a\rb", true),
        ("(?m)\\r$", "\r\n", false), ("(?m)\\n^", "a\n", false), ("(?m)^", "", true), ("$^", "", true),
        ("a.c", "abc", true), ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true), (".", "\u{2028}", false),
        ("\\d+", "٣", true), ("\\d", "Ⅴ", false), ("\\w", "é", true), ("\\w", "\u{0301}", true), ("\\w", "-", false),
        ("\\s", "\u{A0}", true), ("\\s", "\u{200B}", false), ("\\S", " ", false), ("\\W", "_", false),
        ("\\bé", " é", true), ("a\\b", "ab", false), ("a\\B", "ab", true), ("\\Bx", "é\u{0301}x", true),
        ("[^a-z]", "abc", false), ("[^a-z]", "abC", true), ("[]a]", "]", true), ("[a-]", "-", true), ("[\\d-z]", "-", true),
        ("[\\w.]+@[\\w.]+", "mail ana@example.org", true), ("[[:alpha:]]", "ж", true), ("[[:digit:]]", "x", false),
        ("\\p{Lu}", "É", true), ("\\p{Lu}", "é", false), ("\\P{L}", "é", false), ("\\pL", "é", true), ("\\p{^L}", "1", true),
        ("(?i)k", "\u{212A}", true), ("(?i)[a-z]", "\u{212A}", true), ("(?i)s", "ſ", true), ("(?i)σ", "ς", true),
        ("(?i)[^a]", "A", false), ("(?i:A)b", "aB", false), ("(?i:A)b", "ab", true), ("(?i)a(?-i)b", "AB", false),
        ("colou?r", "color", true), ("colou?r", "colour", true), ("colou?r", "colouur", false),
        ("a{3}", "aa", false), ("a{3}", "aaa", true), ("^a{2,3}$", "aaaa", false), ("^a{2,}$", "aaaa", true),
        ("^(ab){1,2}c$", "ababc", true), ("^(ab){0}c$", "c", true), ("a*?b", "aab", true), ("a++b", "aab", true),
        ("x{2}+", "xx", true), ("(?<year>[0-9]{4})", "in 2024", true), ("(?P<y>z)", "z", true), ("(?#note)a", "a", true),
        ("\\x41\\u00e9\\x{1F600}", "Aé😀", true), ("\\0101", "A", true), ("\\cA", "\u{01}", true), ("\\t\\n", "\t\n", true),
        ("\\Qa.b\\E", "a.b", true), ("\\Qa.b\\E", "axb", false), ("(?x) a b # comment", "ab", true), ("\\é", "é", true),
        ("()", "", true), ("(|a)", "b", true), ("a|", "b", true), ("^*a", "a", true), ("\\R", "\r\n", true), ("\\h", "\t", true),
        ("\\v", "\n", true), ("(a*)*b", "aaab", true), ("(a|b)*c", "ababx", false), ("😀+", "😀😀", true), ("^.$", "😀", true),
    ]

    @Test(arguments: table.indices)
    func occursAsICUDoes(_ index: Int) throws {
        let (pattern, text, expected) = Self.table[index]
        #expect(try LinearRegex(pattern).occurs(in: text) == expected, "\(pattern) on \(text.debugDescription)")
    }

    @Test func matchesWholeNeedsTheWholeText() throws {
        let sku = try LinearRegex("[A-Z]{3}-[0-9]{4}")
        #expect(try sku.matchesWhole("ABC-1234"))
        #expect(try !sku.matchesWhole("ABC-12345"))
        #expect(try !sku.matchesWhole("xABC-1234"))
        #expect(try sku.occurs(in: "xABC-12345"))
        // Alternatives are grouped before anchoring: `a|b` must match all of "b", not end with it.
        #expect(try LinearRegex("a|bc").matchesWhole("bc"))
        #expect(try !LinearRegex("a|bc").matchesWhole("abc"))
        #expect(try !LinearRegex("a$").matchesWhole("a\n"))
        #expect(try LinearRegex("").matchesWhole(""))
    }
}
