import GenCore
import Testing
@testable import GenSyntax

@Suite struct ParserTests {
    @Test func languageExampleParsesWithoutDiagnostics() throws {
        let source = try Fixtures.source("parse/language.gen")
        let (program, diagnostics) = Parser.parse(source)
        #expect(DiagnosticRenderer.render(diagnostics, files: [source]) == "")
        #expect(program.version?.version == "0.1")
        #expect(program.declarations.count == 15)
        #expect(program.imports.map(\.path) == ["std/arms", "./shared/rules.gen"])
        let mismatch = goldenMismatch(ASTDump.render(program), "parse/language.ast")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}

@Suite struct ExpressionTests {
    static func dump(_ text: String) -> String {
        let (program, diagnostics) = parse("gen 0.1\nlet x = \(text)\n")
        guard diagnostics.isEmpty, case .let(let decl) = program.declarations.first else {
            return "diagnostics: \(diagnostics.map(\.message))"
        }
        return ASTDump.render(decl.value)
    }

    @Test(arguments: [
        ("1 + 2 * 3", "(+ (int 1) (* (int 2) (int 3)))"),
        ("1 - 2 - 3", "(- (- (int 1) (int 2)) (int 3))"),
        ("-a.b[0](c)", "(- (call (index (member (name a) b) (int 0)) (name c)))"),
        ("!a && b || c", "(|| (&& (! (name a)) (name b)) (name c))"),
        ("a == b && c != d", "(&& (== (name a) (name b)) (!= (name c) (name d)))"),
        ("a < b == c", "(== (< (name a) (name b)) (name c))"),
        ("0.0..2.0", "(.. (float 0.0) (float 2.0))"),
        ("1..<n + 1", "(..< (int 1) (+ (name n) (int 1)))"),
        ("text -> label", "(-> (name text) (name label))"),
        ("if a > 1 then \"big\" else if a < 0 then \"neg\" else \"small\"",
         "(if (> (name a) (int 1)) (string \"big\") (if (< (name a) (int 0)) (string \"neg\") (string \"small\")))"),
        ("[1, 2,]", "(list (int 1) (int 2))"),
        ("{}", "(record)"),
        ("{a: 1, \"b c\": none}", "(record (a (int 1)) (\"b c\" (none)))"),
        ("f(x, y: true,)", "(call (name f) (name x) (named y (bool true)))"),
        ("\"a \\(b + \"c\\(d)\") e\"", "(string \"a \" (interp (+ (name b) (string \"c\" (interp (name d))))) \" e\")"),
        ("7 % 2 / 1", "(/ (% (int 7) (int 2)) (int 1))"),
    ])
    func precedenceAndForms(text: String, expected: String) {
        #expect(Self.dump(text) == expected)
    }

    @Test func aParenthesisOnTheNextLineDoesNotContinueTheCall() {
        let (program, diagnostics) = parse("gen 0.1\nfn f(x) = g\n(1)\n")
        #expect(diagnostics.map(\.id.rawValue) == ["newLineBeforeParenthesis"])
        #expect(program.declarations.count == 1)
    }

    @Test func blockItemsMayShareALineAfterAComma() {
        let (program, diagnostics) = parse("gen 0.1\nspec s { count: 1, batch: 2 }\nspec t { count: 1 batch: 2 }\n")
        #expect(diagnostics.map(\.id.rawValue) == ["unexpectedAfterExpression"])
        guard case .spec(let spec) = program.declarations[0] else { Issue.record("no spec"); return }
        #expect(spec.body.items.map(\.key.name) == ["count", "batch"])
    }

    @Test func spansCoverTheirSource() {
        let source = SourceFile(path: "s.gen", text: "gen 0.1\narm a = naive(local, temperature: 0.3)\n")
        let (program, _) = Parser.parse(source)
        guard case .arm(let arm) = program.declarations[0], case .call(let callee, let arguments) = arm.value.kind else {
            Issue.record("unexpected AST")
            return
        }
        #expect(source.text(of: arm.span) == "arm a = naive(local, temperature: 0.3)")
        #expect(source.text(of: callee.span) == "naive")
        #expect(source.text(of: arguments[1].span) == "temperature: 0.3")
        #expect(source.text(of: arguments[1].label!.span) == "temperature")
    }

    @Test func nestingUpToTheLimitIsFine() {
        let depth = 100
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(!Self.dump(text).hasPrefix("diagnostics"))
        let (_, diagnostics) = parse("gen 0.1\nlet x = " + String(repeating: "1 + ", count: 300) + "1\nlet y = 2\n")
        #expect(diagnostics.map(\.id.rawValue) == ["nestingTooDeep"])
    }
}

@Suite struct CommentTests {
    static let text = """
        // Header comment
        gen 0.1

        // About the model
        model local = openai() // trailing

        spec s {
          // the domain
          domain: "x", // why
          constraints: [
            "a", // first
            "b",
          ]
          // closing remark
        }
        // end of file
        """

    @Test func lineNodesCarryTheirComments() throws {
        let (program, diagnostics) = parse(Self.text)
        #expect(diagnostics.isEmpty)
        #expect(program.version?.trivia.leadingComments == ["// Header comment"])
        let model = program.declarations[0]
        #expect(model.trivia.leadingComments == ["// About the model"])
        #expect(model.trivia.trailingComment == "// trailing")
        #expect(model.trivia.hasBlankLineBefore)
        guard case .spec(let spec) = program.declarations[1] else { Issue.record("no spec"); return }
        #expect(spec.body.items[0].trivia.leadingComments == ["// the domain"])
        #expect(spec.body.items[0].trivia.trailingComment == "// why")
        #expect(!spec.body.items[0].trivia.hasBlankLineBefore)
        #expect(spec.body.closingTrivia.compactMap(\.commentText) == ["// closing remark"])
        #expect(program.endTrivia.compactMap(\.commentText) == ["// end of file"])
        #expect(program.comments(in: spec.body.items[1].span).compactMap(\.commentText) == ["// first"])
    }

    @Test func everyCommentIsReachable() {
        let (program, _) = parse(Self.text)
        let fromTokens = program.tokens.flatMap { $0.leadingTrivia(in: program.source) + $0.trailingTrivia(in: program.source) }
            .compactMap(\.commentText)
        #expect(fromTokens.count == 8)
    }
}
