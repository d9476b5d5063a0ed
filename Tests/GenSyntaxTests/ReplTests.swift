import GenCore
import Testing
@testable import GenSyntax

@Suite struct ReplTests {
    static func parse(_ text: String) -> (ReplInput, [Diagnostic]) {
        Parser.parseReplInput(SourceFile(path: "<repl>", text: text))
    }

    @Test func aSoleExpressionIsAnExpression() {
        let (input, diagnostics) = Self.parse("1 + len(\"abc\")")
        #expect(diagnostics.isEmpty)
        guard case .expression(let expr) = input else { Issue.record("\(input)"); return }
        #expect(ASTDump.render(expr) == "(+ (int 1) (call (name len) (string \"abc\")))")
    }

    @Test func declarationsNeedNoVersionLine() {
        let (input, diagnostics) = Self.parse("let x = 3\narm a = naive(local)")
        #expect(diagnostics.isEmpty)
        guard case .declarations(let declarations) = input else { Issue.record("\(input)"); return }
        #expect(declarations.count == 2)
    }

    @Test(arguments: ["spec s {", "f(1,", "[1, 2", "\"abc", "\"\"\"\nmore", "/* note", "1 +", "let x =", "let x =\n", "if a then"])
    func unfinishedInputIsIncomplete(text: String) {
        let (input, diagnostics) = Self.parse(text)
        #expect(input == .incomplete)
        #expect(diagnostics.map(\.id) == [Messages.incompleteInput().id])
    }

    @Test func realErrorsAreNotIncomplete() {
        let (input, diagnostics) = Self.parse("1 + )")
        #expect(input != .incomplete)
        #expect(diagnostics.map(\.message) == ["expected an expression, found `)`"])
        #expect(Self.parse("  // only a comment").0 == .empty)
    }
}
