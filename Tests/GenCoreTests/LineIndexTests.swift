import Testing
@testable import GenCore

@Suite struct LineIndexTests {
    @Test func linesAndColumnsAreOneBased() {
        let file = SourceFile(path: "a.gen", text: "ab\ncd\n\nef")
        let index = LineIndex(file)
        #expect(index.lineCount == 4)
        #expect(index.location(of: 0) == SourceLocation(line: 1, column: 1))
        #expect(index.location(of: 2) == SourceLocation(line: 1, column: 3))  // the line break itself
        #expect(index.location(of: 3) == SourceLocation(line: 2, column: 1))
        #expect(index.location(of: 6) == SourceLocation(line: 3, column: 1))
        #expect(index.location(of: 8) == SourceLocation(line: 4, column: 2))
        #expect(index.location(of: 99) == SourceLocation(line: 4, column: 3))  // clamped to the end
        #expect(index.text(ofLine: 2) == "cd")
        #expect(index.text(ofLine: 3) == "")
        #expect(index.text(ofLine: 9) == "")
    }

    @Test func columnsCountGraphemeClustersNotBytes() {
        // é is 2 bytes, the emoji 4 bytes, the family emoji 18 bytes but one grapheme.
        let text = "é😀👨‍👩‍👧x"
        let file = SourceFile(path: "u.gen", text: "let s = \"\(text)\"")
        let index = LineIndex(file)
        let xOffset = Array(file.bytes).firstIndex(of: UInt8(ascii: "x"))!
        #expect(xOffset == 9 + 2 + 4 + 18)
        #expect(index.location(of: xOffset) == SourceLocation(line: 1, column: 13))
        #expect(index.location(of: 9 + 2) == SourceLocation(line: 1, column: 11))
    }

    @Test func combiningMarksJoinTheirBaseCharacter() {
        let file = SourceFile(path: "c.gen", text: "e\u{301}z")  // e + combining acute: one grapheme
        #expect(LineIndex(file).location(of: 3) == SourceLocation(line: 1, column: 2))
    }

    @Test func crlfLineEndingsAreNotPartOfTheLineText() {
        let file = SourceFile(path: "w.gen", text: "one\r\ntwo\r\n")
        let index = LineIndex(file)
        #expect(index.text(ofLine: 1) == "one")
        #expect(index.text(ofLine: 2) == "two")
        #expect(index.location(of: 5) == SourceLocation(line: 2, column: 1))
    }

    @Test func spansClipWhenReadingText() {
        let file = SourceFile(path: "t.gen", text: "hello")
        #expect(file.text(of: Span(file: file.id, start: 1, length: 3)) == "ell")
        #expect(file.text(of: Span(file: file.id, start: 3, length: 50)) == "lo")
        let span = Span(file: file.id, start: 2, end: 4)
        #expect(span.length == 2 && span.end == 4 && span.union(Span(file: file.id, start: 0, length: 1)) == Span(file: file.id, start: 0, end: 4))
    }
}
