import Foundation
import Testing
@testable import GenCore

/// The engine against ICU (NSRegularExpression) on seeded random patterns and texts built from the syntax
/// both support with the same meaning (possessive quantifiers, which ICU reads differently, are left out).
@Suite struct LinearRegexDifferentialTests {
    @Test func agreesWithICUOnGeneratedPatterns() throws {
        var random = SeededRandom(seed: 17)
        var generator = PatternGenerator()
        var compared = 0
        for _ in 0..<400 {
            let pattern = generator.pattern(&random)
            let ours = try LinearRegex(pattern)
            let icu = try NSRegularExpression(pattern: pattern)
            let icuWhole = try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
            for _ in 0..<6 {
                let text = PatternGenerator.text(&random)
                let range = NSRange(text.startIndex..., in: text)
                let expected = icu.firstMatch(in: text, range: range) != nil
                #expect(try ours.occurs(in: text) == expected, "\(pattern) on \(text.debugDescription)")
                let expectedWhole = icuWhole.firstMatch(in: text, range: range) != nil
                #expect(try ours.matchesWhole(text) == expectedWhole, "whole \(pattern) on \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 2_400)
    }
}

/// Random patterns over a small alphabet, so that they often match the random texts.
struct PatternGenerator {
    static let textAlphabet: [String] = ["a", "b", "c", "A", "B", "1", " ", "-", "é", "É", "\n", "\r", "_"]
    private static let literals = ["a", "b", "c", "A", "é", "1", "-", " ", "\\n", "\\.", "_"]
    private static let classes = [
        ".", "[ab]", "[^a]", "[a-c]", "[A-Z]", "\\d", "\\w", "\\s", "\\W", "\\D", "[\\w-]", "[^\\s]", "\\p{L}", "\\p{Lu}",
        "[[:alpha:]]",
    ]
    private static let assertions = ["^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z"]
    private static let quantifiers = ["*", "+", "?", "{2}", "{1,}", "{0,2}", "{1,3}", "*?", "+?", "??", "{1,2}?"]
    private static let flags = ["", "", "", "(?i)", "(?m)", "(?s)", "(?im)", "(?is)"]

    mutating func pattern(_ random: inout SeededRandom) -> String {
        Self.pick(Self.flags, &random) + alternation(&random, depth: 0)
    }

    static func text(_ random: inout SeededRandom) -> String {
        (0..<Int(random.next() % 10)).map { _ in pick(textAlphabet, &random) }.joined()
    }

    private func alternation(_ random: inout SeededRandom, depth: Int) -> String {
        let branches = random.next() % 5 == 0 ? 2 : 1
        return (0..<branches).map { _ in concatenation(&random, depth: depth) }.joined(separator: "|")
    }

    private func concatenation(_ random: inout SeededRandom, depth: Int) -> String {
        (0..<(1 + Int(random.next() % 4))).map { _ in item(&random, depth: depth) }.joined()
    }

    private func item(_ random: inout SeededRandom, depth: Int) -> String {
        let roll = random.next() % 10
        if roll == 0 { return Self.pick(Self.assertions, &random) }
        let atom: String
        switch roll {
        case 1...4: atom = Self.pick(Self.literals, &random)
        case 5...7: atom = Self.pick(Self.classes, &random)
        default:
            atom = depth < 3 ? (random.next() % 2 == 0 ? "(" : "(?:") + alternation(&random, depth: depth + 1) + ")" : "a"
        }
        return random.next() % 3 == 0 ? atom + Self.pick(Self.quantifiers, &random) : atom
    }

    private static func pick(_ options: [String], _ random: inout SeededRandom) -> String {
        options[Int(random.next() % UInt64(options.count))]
    }
}
