import Foundation
import Testing

/// Keeps grammar/gen.ebnf honest: every rule is quoted verbatim above the function that implements it, and every
/// rule quoted in the sources exists in the grammar.
@Suite struct GrammarTests {
    /// `name = body ;` rules of the grammar, comments removed, whitespace collapsed.
    static func grammarRules() throws -> [String: String] {
        var text = try String(contentsOf: Fixtures.grammarFile, encoding: .utf8)
        text = text.replacingOccurrences(of: #"\(\*.*?\*\)"#, with: " ", options: .regularExpression)
        let pattern = try NSRegularExpression(pattern: #"(?ms)^([A-Za-z_]+) = (.*?) ;\s*$"#)
        var rules: [String: String] = [:]
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let name = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text) else { continue }
            rules[String(text[name])] = collapse(String(text[whole]))
        }
        return rules
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The doc comment block directly above each `func` in Sources/GenSyntax, whitespace collapsed.
    static func functionComments() throws -> [String] {
        let files = FileManager.default.enumerator(at: Fixtures.sourcesDirectory, includingPropertiesForKeys: nil)
        var blocks: [String] = []
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            var comment: [String] = []
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("///") {
                    comment.append(String(trimmed.dropFirst(3)))
                } else if trimmed.hasPrefix("@") {
                    continue
                } else {
                    if trimmed.contains("func "), !comment.isEmpty { blocks.append(collapse(comment.joined(separator: " "))) }
                    comment = []
                }
            }
        }
        return blocks
    }

    @Test func grammarHasTheExpectedRules() throws {
        let rules = try Self.grammarRules()
        #expect(rules.count >= 50)
        for name in ["program", "declaration", "expr", "binary_op", "STRING", "interpolation", "block_comment"] {
            #expect(rules[name] != nil, "missing rule \(name)")
        }
    }

    @Test func everyRuleIsQuotedAboveAFunction() throws {
        let comments = try Self.functionComments()
        for (name, rule) in try Self.grammarRules().sorted(by: { $0.key < $1.key }) {
            #expect(comments.contains { $0.contains(rule) }, "no function comment quotes rule `\(name)`: \(rule)")
        }
    }

    @Test func everyQuotedRuleExistsInTheGrammar() throws {
        let rules = Set(try Self.grammarRules().values)
        var checked = 0
        let quoted = try NSRegularExpression(pattern: #"([A-Za-z_]+ = .*? ;)(?= |$)"#)
        for comment in try Self.functionComments() {
            for match in quoted.matches(in: comment, range: NSRange(comment.startIndex..., in: comment)) {
                guard let range = Range(match.range(at: 1), in: comment) else { continue }
                let text = String(comment[range])
                guard text.first?.isLetter == true, text.contains(" , ") || text.contains(" | ") || text.contains("? ;") else { continue }
                #expect(rules.contains(text), "a comment quotes a rule that is not in gen.ebnf: \(text)")
                checked += 1
            }
        }
        #expect(checked >= rules.count)
    }
}
