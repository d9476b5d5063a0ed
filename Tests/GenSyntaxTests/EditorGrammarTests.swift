import Foundation
import GenCore
import Testing
@testable import GenSyntax

/// editors/vscode: the TextMate grammar scopes what the real lexer sees in every shipped script, and the
/// extension's JSON files parse.
@Suite struct EditorGrammarTests {
    static let extensionFolder = ExampleScriptTests.root.appendingPathComponent("editors/vscode")

    static func grammar() throws -> TextMateGrammar {
        try TextMateGrammar(json: Data(contentsOf: extensionFolder.appendingPathComponent("syntaxes/gen.tmLanguage.json")))
    }

    static func coverage(_ path: String, _ text: String) throws -> GrammarCoverage {
        GrammarCoverage(SourceFile(path: path, text: text), tokenizer: TextMateTokenizer(grammar: try grammar()))
    }

    @Test(arguments: ExampleScriptTests.scripts())
    func everyTokenOfAShippedScriptIsScoped(path: String) throws {
        let text = try String(contentsOf: ExampleScriptTests.root.appendingPathComponent(path), encoding: .utf8)
        let coverage = try Self.coverage(path, text)
        #expect(coverage.problems.isEmpty, "\(coverage.problems.prefix(10).joined(separator: "\n"))")
        #expect(coverage.checked["keyword", default: 0] > 0 && coverage.checked["comment", default: 0] > 0)
    }

    /// What the shipped scripts may not show: every keyword the lexer knows (reserved ones too), nested block
    /// comments, `"""` strings, escapes, nested interpolations, exponents, an unterminated string.
    @Test func everyKeywordAndLiteralFormIsScoped() throws {
        let keywords = Keyword.allCases.map(\.rawValue).joined(separator: " ")
        let text = #"""
        gen 0.1
        /* a /* nested */ block
           comment */ let x = if true then 1_000 else 2.5e-3
        let s = "tab\t \u{1F600} \(count(split("a b", " ")) + 1) and \("\(x)")" // trailing
        let m = """
          many "lines" \(x)
          """
        /// doc
        \#(keywords)
        let r = 0..<10
        let bad = "no end
        """#
        let coverage = try Self.coverage("forms.gen", text)
        #expect(coverage.problems.isEmpty, "\(coverage.problems.prefix(10).joined(separator: "\n"))")
        #expect(coverage.checked["keyword", default: 0] >= Keyword.allCases.count)
        #expect(coverage.checked["number", default: 0] >= 5 && coverage.checked["string", default: 0] >= 6)
    }

    @Test func declaredNamesAndContextualWordsAreScoped() throws {
        let text = "schema Intent {\n  text: string(min: 1)\n}\narm bold = creative(local)\nquality {\n  score \"fits\" f(x) weight 0.4\n}\n"
        let scopes = TextMateTokenizer(grammar: try Self.grammar()).scopesPerByte(text)
        /// The innermost scope of the first byte of `word`'s first occurrence.
        func innermost(_ word: String) -> String? {
            guard let range = text.range(of: word) else { return nil }
            return scopes[text.utf8.distance(from: text.startIndex, to: range.lowerBound)].last
        }
        #expect(innermost("schema") == "keyword.other.declaration.gen")
        #expect(innermost("Intent") == "entity.name.type.gen")
        #expect(innermost("bold") == "entity.name.variable.gen")
        #expect(innermost("creative") == "entity.name.function.call.gen")
        #expect(innermost("score") == "keyword.other.quality.gen")
        #expect(innermost("weight") == "keyword.other.quality.gen")
        #expect(innermost("text") == "variable.other.member.gen")
    }

    @Test func theExtensionsJSONFilesParseAndPointAtRealFiles() throws {
        let folder = Self.extensionFolder
        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("package.json"))) as? [String: Any])
        let contributes = try #require(package["contributes"] as? [String: Any])
        let language = try #require((contributes["languages"] as? [[String: Any]])?.first)
        #expect(language["id"] as? String == "gen" && (language["extensions"] as? [String]) == [".gen"])
        let grammar = try #require((contributes["grammars"] as? [[String: Any]])?.first)
        #expect(grammar["scopeName"] as? String == (try Self.grammar()).scopeName)
        for relative in [language["configuration"], grammar["path"], package["main"]].compactMap({ $0 as? String }) {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path), "\(relative)")
        }
        #expect((package["dependencies"] as? [String: String])?["vscode-languageclient"] != nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("node_modules").path))

        let configuration = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("language-configuration.json"))) as? [String: Any])
        #expect((configuration["comments"] as? [String: Any])?["lineComment"] as? String == "//")
        let indentation = try #require(configuration["indentationRules"] as? [String: String])
        let patterns = Array(indentation.values) + [configuration["wordPattern"] as? String].compactMap { $0 }
        for pattern in patterns {
            #expect(throws: Never.self) { try NSRegularExpression(pattern: pattern) }
        }
        #expect(try NSRegularExpression(pattern: indentation["increaseIndentPattern"]!).firstMatch(in: "spec x {", range: NSRange(location: 0, length: 8)) != nil)
    }

    @Test func everyRegexInTheGrammarCompiles() throws {
        // TextMateGrammar compiles each one and names the first that fails; count them so this asserts something.
        let text = try String(contentsOf: Self.extensionFolder.appendingPathComponent("syntaxes/gen.tmLanguage.json"), encoding: .utf8)
        let grammar = try Self.grammar()
        #expect(grammar.repository.count >= 10 && text.contains("\"match\""))
    }
}
