import Testing
@testable import GenCore

@Suite struct DiagnosticRendererTests {
    static let file = SourceFile(
        id: FileID(1), path: "examples/bank.gen",
        text: (1...11).map { "// line \($0)" }.joined(separator: "\n") + "\n" + "  domain: \"a \\q b\"\n}\n")

    static func span(_ line: Int, _ column: Int, _ length: Int) -> Span {
        Span(file: file.id, start: LineIndex(file).lineStarts[line - 1] + column - 1, length: length)
    }

    static let escape = Diagnostic(
        DiagnosticMessage("unknown escape sequence `\\q`", hint: "valid escapes are \\n \\t", member: "unknownEscape"),
        at: span(12, 14, 2))

    @Test func rendersTheDocumentedLayout() {
        let expected = """
            examples/bank.gen:12:14: error: unknown escape sequence `\\q`
               |
            12 |   domain: "a \\q b"
               |              ^^
               = hint: valid escapes are \\n \\t

            """
        #expect(DiagnosticRenderer.render(Self.escape, files: [Self.file]) == expected)
        #expect(Self.escape.id == "unknownEscape")
    }

    @Test func rendersSecondarySpansGapsNotesAndFixIts() {
        let diagnostic = Diagnostic(
            DiagnosticMessage("expected `}` to close the block", member: "expectedClosingDelimiter"), at: Self.span(12, 19, 0),
            label: "expected `}`", secondary: [DiagnosticLabel("unclosed `{` opened here", at: Self.span(2, 4, 4))],
            notes: [DiagnosticNote("blocks close on their own line"), DiagnosticNote("see", at: Self.span(1, 1, 2))],
            hint: "add `}`", fixIt: .insert("}", at: Self.span(12, 19, 0)))
        let expected = """
            examples/bank.gen:12:19: error: expected `}` to close the block
               |
             2 | // line 2
               |    ---- unclosed `{` opened here
               :
            12 |   domain: "a \\q b"
               |                   ^ expected `}`
               = note: blocks close on their own line
               = note: see (examples/bank.gen:1:1)
               = hint: add `}`
               = fix: insert `}`

            """
        #expect(DiagnosticRenderer.render(diagnostic, files: [Self.file]) == expected)
    }

    @Test func showsOneIntermediateLineInsteadOfAGapMarker() {
        let diagnostic = Diagnostic(
            DiagnosticMessage("warned", severity: .warning, member: "w"), at: Self.span(3, 1, 2),
            secondary: [DiagnosticLabel("here", at: Self.span(1, 4, 4))])
        let expected = """
            examples/bank.gen:3:1: warning: warned
               |
             1 | // line 1
               |    ---- here
             2 | // line 2
             3 | // line 3
               | ^^

            """
        #expect(DiagnosticRenderer.render(diagnostic, files: [Self.file]) == expected)
    }

    @Test func colourUsesAnsiCodesOnlyWhenAsked() {
        let esc = "\u{1B}["
        let expected = "\(esc)1mexamples/bank.gen:12:14:\(esc)0m \(esc)1;31merror:\(esc)0m \(esc)1munknown escape sequence `\\q`\(esc)0m\n"
            + "\(esc)1;34m   |\(esc)0m\n"
            + "\(esc)1;34m12 |\(esc)0m   domain: \"a \\q b\"\n"
            + "\(esc)1;34m   |\(esc)0m              \(esc)1;31m^^\(esc)0m\n"
            + "\(esc)1;34m   =\(esc)0m \(esc)1mhint:\(esc)0m valid escapes are \\n \\t\n"
        #expect(DiagnosticRenderer.render(Self.escape, files: [Self.file], colour: true) == expected)
        #expect(!DiagnosticRenderer.render(Self.escape, files: [Self.file]).contains("\u{1B}"))
    }

    @Test func caretsLineUpUnderWideCharactersAndTabs() {
        let file = SourceFile(path: "w.gen", text: "\tlet s = \"日本\" + x\n")
        let offset = file.bytes.lastIndex(of: UInt8(ascii: "x"))!
        let diagnostic = Diagnostic(DiagnosticMessage("bad", member: "bad"), at: Span(file: file.id, start: offset, length: 1))
        // x is grapheme column 17; the tab is mirrored and each of 日本 takes two terminal columns.
        let expected = "w.gen:1:17: error: bad\n   |\n 1 | \tlet s = \"日本\" + x\n   | \t" + String(repeating: " ", count: 17) + "^\n"
        #expect(DiagnosticRenderer.render(diagnostic, files: [file]) == expected)
    }

    @Test func severalDiagnosticsAreSeparatedByABlankLineAndUnknownFilesDoNotCrash() {
        let lost = Diagnostic(DiagnosticMessage("lost", member: "lost"), at: Span(file: FileID(9), start: 5, length: 1))
        let rendered = DiagnosticRenderer.render([Self.escape, lost], files: [Self.file])
        #expect(rendered.hasSuffix("\n\n<unknown>: error: lost\n"))
        #expect(DiagnosticRenderer.location(of: Self.escape.span, files: [Self.file]) == "examples/bank.gen:12:14")
    }

    @Test func diagnosticsSortByFileThenPosition() {
        let a = Diagnostic(DiagnosticMessage("a", member: "a"), at: Self.span(3, 1, 1))
        let b = Diagnostic(DiagnosticMessage("b", member: "b"), at: Self.span(1, 1, 1))
        let c = Diagnostic(DiagnosticMessage("c", member: "c"), at: Span(file: FileID(0), start: 50, length: 1))
        #expect(Diagnostic.sortedByPosition([a, b, c]).map(\.message) == ["c", "b", "a"])
        #expect([a].hasErrors && ![Diagnostic(DiagnosticMessage("n", severity: .note, member: "n"), at: Self.span(1, 1, 1))].hasErrors)
    }
}

@Suite struct DiagnosticCapTests {
    /// 10,000 errors on one line printed 150 MB: at most `maxPerFile` are rendered, the rest counted.
    @Test func atMostAHundredDiagnosticsAFileAreRendered() {
        let file = SourceFile(path: "many.gen", text: String(repeating: "@", count: 300) + "\n")
        let diagnostics = (0..<300).map { Diagnostic(DiagnosticMessage("unexpected character `@`"), at: Span(file: file.id, start: $0, length: 1)) }
        let text = DiagnosticRenderer.render(diagnostics, files: [file])
        #expect(text.components(separatedBy: "error: unexpected character").count - 1 == DiagnosticRenderer.maxPerFile)
        #expect(text.hasSuffix("many.gen: 200 more diagnostics not shown (the first 100 are above; fix them first)\n"))
    }
}

@Suite struct LongLineClippingTests {
    /// A 100k-element list on one line: each error reprinted the whole line. Now a window of at most 160
    /// characters around the caret is shown, with an ellipsis at each cut, and the caret still points at the cause.
    @Test func aLongLineIsCutToAWindowAroundTheCaret() throws {
        let line = "let x = [" + String(repeating: "1, ", count: 3000) + "@, " + String(repeating: "2, ", count: 3000) + "]"
        let file = SourceFile(path: "long.gen", text: line + "\n")
        let offset = try #require(file.bytes.firstIndex(of: UInt8(ascii: "@")))
        let diagnostic = Diagnostic(DiagnosticMessage("unexpected character `@`"), at: Span(file: file.id, start: offset, length: 1))
        let lines = DiagnosticRenderer.render(diagnostic, files: [file]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try #require(lines.first { $0.hasPrefix(" 1 |") })
        let carets = try #require(lines.first { $0.hasPrefix("   |") && $0.contains("^") })
        #expect(source.count <= 170)
        #expect(source.hasPrefix(" 1 | \u{2026}") && source.hasSuffix("\u{2026}"))
        // The caret sits under the `@` of the shown window.
        let caretColumn = try #require(Array(carets).firstIndex(of: "^"))
        #expect(Array(source)[caretColumn] == "@")
    }

    @Test func shortLinesAreUntouched() {
        let file = SourceFile(path: "s.gen", text: "let x = @\n")
        let diagnostic = Diagnostic(DiagnosticMessage("bad", member: "bad"), at: Span(file: file.id, start: 8, length: 1))
        #expect(DiagnosticRenderer.render(diagnostic, files: [file]) == "s.gen:1:9: error: bad\n   |\n 1 | let x = @\n   |         ^\n")
    }
}
