import Testing
@testable import GenCore

/// Patterns that do not compile: the message, where it points (in Unicode scalars) and the hint.
@Suite struct LinearRegexErrorTests {
    static func failure(_ pattern: String) -> RegexSyntaxError? {
        do {
            _ = try LinearRegex(pattern)
            return nil
        } catch {
            return error
        }
    }

    /// (pattern, start of the message, offset)
    static let invalid: [(String, String, Int)] = [
        ("(", "unclosed `(`", 0), ("ab)", "unmatched `)`", 2), ("[a-z", "unclosed `[`", 0), ("x{2,1}", "the repetition {2,1}", 1),
        ("*a", "`*` has nothing to repeat", 0), ("a**", "a quantifier cannot follow another", 2), ("a{2}{3}", "a quantifier cannot follow", 4),
        ("{", "`{` has nothing to repeat", 0), ("a{", "`{` must start a repetition", 1), ("a{,3}", "`{` must start a repetition", 1),
        ("[z-a]", "the range is out of order", 1), ("[a-\\d]", "a range cannot end with a class", 1), ("\\", "the pattern ends with a lone", 0),
        ("\\y", "unknown escape `\\y`", 0), ("\\u12", "invalid code point escape", 0), ("\\p{Greek}", "unknown Unicode property `Greek`", 0),
        ("[[:alfa:]]", "unknown POSIX class", 1), ("[a&&b]", "set operations", 2), ("[[a]]", "set operations", 1), ("(?z)", "unknown group or flag", 0),
        ("(?<1a>x)", "a group name must be", 0), ("é(?=x)", "lookahead `(?=` is not supported", 1), ("(?!x)", "lookahead `(?!`", 0),
        ("(?<=x)", "lookbehind `(?<=`", 0), ("(?<!x)", "lookbehind `(?<!`", 0), ("(a)\\1", "a backreference `\\1`", 3),
        ("(?<n>a)\\k<n>", "a backreference `\\k`", 7), ("(?>a+)", "an atomic group `(?>`", 0), ("(?R)", "recursion", 0),
        ("\\N{DIGIT ONE}", "`\\N{...}` is not supported", 0), ("[\\b]", "`\\b` cannot be used inside", 1), ("(?#open", "unclosed `(`", 0),
    ]

    @Test(arguments: invalid.indices)
    func reportsWhatAndWhere(_ index: Int) throws {
        let (pattern, message, offset) = Self.invalid[index]
        let error = try #require(Self.failure(pattern), "\(pattern) compiled")
        #expect(error.message.hasPrefix(message), "\(pattern): \(error.message)")
        #expect(error.offset == offset, "\(pattern): offset \(error.offset)")
    }

    @Test func unsupportedConstructsSayWhyAndWhatToDo() throws {
        let lookahead = try #require(Self.failure("a(?=b)"))
        #expect(lookahead.message == "lookahead `(?=` is not supported: Gen's regular expressions run in linear time over model output")
        #expect(lookahead.hint == "use a second `matches` (or `!matches`) in the rule instead")
        #expect(lookahead.length == 3)
        #expect(try #require(Self.failure("(?>a)")).hint?.contains("(?:") == true)
        #expect(try #require(Self.failure("\\q")).hint == "to match the character itself, drop the backslash")
    }

    /// Random strings of metacharacters: each compiles or fails with an offset inside the pattern, and what
    /// compiles runs; nothing traps.
    @Test func garbagePatternsNeverTrap() throws {
        var random = SeededRandom(seed: 23)
        let pieces = Array("()[]{}|*+?^$.\\-:<>=!#,0129abdswpPQEkxuc&é ").map(String.init) + ["(?", "\\p{", "[:", "{2,", "\\u"]
        var compiled = 0
        for _ in 0..<5_000 {
            let pattern = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            do {
                let regex = try LinearRegex(pattern)
                _ = try regex.occurs(in: "ab1 é-{}\n[x]")
                _ = try regex.matchesWhole("ab")
                compiled += 1
            } catch let error as RegexSyntaxError {
                #expect((0...pattern.unicodeScalars.count).contains(error.offset), "\(pattern.debugDescription): \(error)")
                #expect(error.offset + error.length <= max(1, pattern.unicodeScalars.count), "\(pattern.debugDescription): \(error)")
            }
        }
        #expect(compiled > 500, "\(compiled) of 5,000 compiled")
    }

    @Test func programSizeAndNestingAreCapped() throws {
        // Each count alone is fine; together they would copy the class 1,000,000 times.
        let nested = try #require(Self.failure("(?:(?:[a-z]{100}){100}){100}"))
        #expect(nested.message.hasPrefix("this repetition makes the pattern too large"))
        #expect(nested.offset == 0)
        _ = try LinearRegex("(?:[a-z]{100}){100}")
        #expect(try #require(Self.failure("a{100001}")).message == "a repetition count is over 100000")
        let long = try #require(Self.failure(String(repeating: "ab|", count: 7_000) + "c"))
        #expect(long.message.hasPrefix("the pattern is too large"))
        let deep = String(repeating: "(", count: 201) + "a" + String(repeating: ")", count: 201)
        #expect(try #require(Self.failure(deep)).message == "groups are nested more than 200 deep")
        let fine = String(repeating: "(", count: 200) + "a" + String(repeating: ")", count: 200)
        #expect(try LinearRegex(fine).occurs(in: "a"))
    }
}
