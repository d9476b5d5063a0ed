import GenCore
@testable import GenLSP
import Testing

/// Incremental sync: ranges count UTF-16 units, text is stored as UTF-8.
@Suite struct TextDocumentTests {
    func applying(_ text: String, _ changes: [JSONValue]) throws -> String {
        var document = TextDocument(uri: "file:///x.gen", version: 1, text: text)
        for change in changes { try document.apply(change) }
        return document.text
    }

    @Test func editsAfterMultiByteCharactersLandOnTheRightUnit() throws {
        // `é` is one UTF-16 unit, `😀` two: character 4 on line 1 is after `a😀é`.
        let text = "let s = \"x\"\na😀éb\n"
        #expect(try applying(text, [LSPTestClient.edit(1, 4, 1, 5, "B")]) == "let s = \"x\"\na😀éB\n")
        #expect(try applying(text, [LSPTestClient.edit(1, 1, 1, 3, "")]) == "let s = \"x\"\naéb\n")
    }

    @Test func editsSpanLinesAndCRLFAndApplyInOrder() throws {
        let text = "one\r\ntwo\r\nthree"
        let result = try applying(text, [LSPTestClient.edit(0, 3, 1, 3, " 2"), LSPTestClient.edit(1, 5, 1, 5, "!")])
        #expect(result == "one 2\r\nthree!")
    }

    @Test func aChangeWithoutRangeReplacesAll() throws {
        #expect(try applying("old", [.object(["text": .string("new")])]) == "new")
    }

    @Test func positionsPastTheEndClampAndBadRangesAreRefused() throws {
        #expect(try applying("ab\n", [LSPTestClient.edit(0, 99, 7, 0, "!")]) == "ab!")
        #expect(throws: ResponseError.self) { try applying("ab", [LSPTestClient.edit(0, 2, 0, 1, "x")]) }
        #expect(throws: ResponseError.self) { try applying("ab", [.object(["range": .null])]) }
    }

    @Test func positionMapRoundTripsEveryOffsetOfMixedText() {
        let source = SourceFile(path: "x", text: "aé😀\nz\r\n😀")
        let map = PositionMap(source)
        #expect(map.position(of: 7) == LSPPosition(line: 0, character: 4))
        #expect(map.position(of: 11) == LSPPosition(line: 2, character: 0))
        for offset in [0, 1, 3, 7, 8, 9, 11, 15] {
            #expect(map.offset(of: map.position(of: offset)) == offset, "offset \(offset)")
        }
    }
}
