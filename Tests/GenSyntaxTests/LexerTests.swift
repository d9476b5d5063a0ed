import GenCore
import Testing
@testable import GenSyntax

@Suite struct LexerTests {
    static func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(path: "t.gen", text: text)).tokens.map(\.kind)
    }

    static func diagnosticIDs(_ text: String) -> [String] {
        Lexer.tokenize(SourceFile(path: "t.gen", text: text)).diagnostics.map(\.id.rawValue)
    }

    @Test func keywordsContextualWordsAndPunctuation() {
        #expect(Self.kinds("let model = a -> b ..< c .. d != e <= f && g || !h") == [
            .keyword(.let), .identifier("model"), .equal, .identifier("a"), .arrow, .identifier("b"), .dotDotLess,
            .identifier("c"), .dotDot, .identifier("d"), .bangEqual, .identifier("e"), .lessEqual, .identifier("f"), .ampAmp,
            .identifier("g"), .pipePipe, .bang, .identifier("h"), .endOfFile,
        ])
        #expect(Self.kinds("match extends") == [.keyword(.match), .keyword(.extends), .endOfFile])
        #expect(Keyword.match.isReserved && !Keyword.let.isReserved)
    }

    @Test func numbersKeepIntAndFloatApart() {
        #expect(Self.kinds("42 1_000 0.5 1e-3 2.5E+4 7e2") == [.int(42), .int(1000), .float(0.5), .float(0.001), .float(25000), .float(700), .endOfFile])
        #expect(Self.kinds("0..2 1..<10 x.0") == [.int(0), .dotDot, .int(2), .int(1), .dotDotLess, .int(10), .identifier("x"), .dot, .int(0), .endOfFile])
        #expect(Self.diagnosticIDs("1.2.3 1e 12abc 99999999999999999999") == ["malformedNumber", "missingExponentDigits", "malformedNumber", "integerTooLarge"])
    }

    @Test func stringEscapesAreDecoded() {
        guard case .string(let literal) = Self.kinds(#""a\n\t\"\\\0\u{1F600}""#)[0] else { Issue.record("not a string"); return }
        #expect(literal.plainValue == "a\n\t\"\\\0😀")
        #expect(Self.diagnosticIDs(#""\q \u{110000} \u{}""#) == ["unknownEscape", "unknownUnicodeEscape", "unknownUnicodeEscape"])
    }

    @Test func interpolationsKeepTheirTokensWithAbsoluteSpans() throws {
        let source = SourceFile(path: "t.gen", text: #"x = "a \(f("b\(c)")) d""#)
        let (tokens, diagnostics) = Lexer.tokenize(source)
        #expect(diagnostics.isEmpty)
        guard case .string(let literal) = tokens[2].kind else { Issue.record("not a string"); return }
        #expect(literal.segments.count == 3)
        guard case .interpolation(let inner, let span) = literal.segments[1] else { Issue.record("no interpolation"); return }
        #expect(source.text(of: span) == #"\(f("b\(c)"))"#)
        #expect(inner.map(\.kind).count == 5)  // f ( "b\(c)" ) end
        #expect(source.text(of: inner[0].span) == "f")
        #expect(inner.last?.kind == .endOfFile)
    }

    @Test func multilineStringsStripTheClosingIndentation() {
        let text = "let p = \"\"\"\n    Hello \\(name),\n\n      indented\n    \"\"\"\nlet q = 1"
        let kinds = Self.kinds(text)
        guard case .string(let literal) = kinds[3] else { Issue.record("not a string"); return }
        #expect(literal.isMultiline)
        guard case .text(let first, _) = literal.segments[0], case .text(let rest, _) = literal.segments[2] else {
            Issue.record("segments \(literal.segments)")
            return
        }
        #expect(first == "Hello ")
        #expect(rest == ",\n\n  indented")
        #expect(kinds[4] == .keyword(.let))
        #expect(Self.diagnosticIDs(text).isEmpty)
    }

    @Test func triviaIsKeptLosslessly() {
        let text = "// head\n\n/// doc\nlet x = 1 /* c */ // tail\r\n\t/* a /* nested */ b */ let y = 2\n"
        let source = SourceFile(path: "t.gen", text: text)
        let (tokens, diagnostics) = Lexer.tokenize(source)
        #expect(diagnostics.isEmpty)
        var rebuilt = ""
        for token in tokens {
            rebuilt += source.text(of: token.leadingTriviaSpan) + token.text(in: source) + source.text(of: token.trailingTriviaSpan)
        }
        #expect(rebuilt == text)
        #expect(tokens[0].leadingTrivia(in: source) == [.lineComment("// head"), .newlines(2), .docComment("/// doc"), .newlines(1)])
        #expect(tokens[3].trailingTrivia(in: source) == [.spaces(1), .blockComment("/* c */"), .spaces(1), .lineComment("// tail")])
        #expect(tokens[4].leadingTrivia(in: source) == [.carriageReturnLineFeeds(1), .tabs(1), .blockComment("/* a /* nested */ b */"), .spaces(1)])
        #expect(tokens[0].isAtStartOfLine && tokens[4].isAtStartOfLine && !tokens[1].isAtStartOfLine)
    }

    @Test func badCharactersBecomeErrorTokensAndLexingGoesOn() {
        #expect(Self.kinds("a @ b") == [.identifier("a"), .error, .identifier("b"), .endOfFile])
        #expect(Self.diagnosticIDs("a @ b # c") == ["unexpectedCharacter", "unexpectedCharacter"])
        #expect(Self.diagnosticIDs("\"open\nlet x = 1") == ["unterminatedString"])
        #expect(Self.diagnosticIDs("/* open") == ["unterminatedBlockComment"])
    }

    @Test func deepInterpolationIsBoundedAndReportedOnce() {
        var text = "x"
        for _ in 0..<40 { text = "\"\\(" + text + ")\"" }
        let ids = Self.diagnosticIDs(text)
        #expect(ids == ["nestingTooDeep"])
    }
}

@Suite struct TokenDumpTests {
    @Test func listsPositionsKindsSpellingsAndComments() {
        let source = SourceFile(path: "t.gen", text: "gen 0.1\n// about x\nlet x = \"a\" // why\n")
        let expected = """
            1:1 keyword gen
            1:5 float 0.1
            3:1 keyword let    trivia: // about x
            3:5 identifier x
            3:7 punctuation =
            3:9 string "a"    trivia: // why
            4:1 end

            """
        #expect(TokenDump.render(Lexer.tokenize(source).tokens, source: source) == expected)
    }
}
