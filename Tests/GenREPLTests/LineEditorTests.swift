import Foundation
import Testing
@testable import GenREPL

/// Feeds terminal bytes through the decoder into the editing state, as the terminal front end does.
private struct Typist {
    var decoder = KeyDecoder()
    var state: LineEditingState

    init(history: [String] = []) {
        state = LineEditingState(history: EditHistory(limit: 5, entries: history))
    }

    /// The outcomes other than `.editing`.
    mutating func type(_ parts: Part...) -> [EditOutcome] {
        decoder.feed(parts.flatMap(\.bytes)).map { state.apply($0) }.filter { $0 != .editing }
    }
}

/// Text or raw key bytes, so a test can write `typist.type("ab", Bytes.left)`.
private struct Part: ExpressibleByStringLiteral {
    let bytes: [UInt8]
    init(bytes: [UInt8]) { self.bytes = bytes }
    init(stringLiteral text: String) { bytes = Array(text.utf8) }
}

private enum Bytes {
    static let left = Part(bytes: [0x1B, 0x5B, 0x44])  // ESC [ D
    static let right = Part(bytes: [0x1B, 0x5B, 0x43])
    static let up = Part(bytes: [0x1B, 0x5B, 0x41])
    static let down = Part(bytes: [0x1B, 0x5B, 0x42])
    static let home = Part(bytes: [0x1B, 0x5B, 0x48])
    static let endSS3 = Part(bytes: [0x1B, 0x4F, 0x46])  // ESC O F
    static let delete = Part(bytes: [0x1B, 0x5B, 0x33, 0x7E])  // ESC [ 3 ~
    static let backspace = Part(bytes: [0x7F])
    static let enter = Part(bytes: [0x0D])
    static let tab = Part(bytes: [0x09])
    static func control(_ letter: UInt8) -> Part { Part(bytes: [letter - 0x60]) }
}

@Suite struct LineEditorTests {
    @Test func arrowsBackspaceAndDeleteEditInPlace() {
        var typist = Typist()
        _ = typist.type("let x = 1")
        _ = typist.type(Bytes.left, Bytes.left, Bytes.left, Bytes.left)  // cursor just after "x"
        #expect(typist.state.cursor == 5)
        _ = typist.type(Bytes.backspace, "total")
        #expect(typist.state.text == "let total = 1")
        _ = typist.type(Bytes.delete)
        #expect(typist.state.text == "let total= 1")
        _ = typist.type(" ", Bytes.home, "// ", Bytes.endSS3, "0")
        #expect(typist.state.text == "// let total = 10")
        #expect(typist.type(Bytes.enter) == [.submit("// let total = 10")])
        #expect(typist.state.text.isEmpty)
    }

    @Test func controlKeysMoveAndKill() {
        var typist = Typist()
        _ = typist.type("alpha beta gamma")
        _ = typist.type(Bytes.control(UInt8(ascii: "w")))
        #expect(typist.state.text == "alpha beta ")
        _ = typist.type(Bytes.control(UInt8(ascii: "a")), Bytes.right, Bytes.control(UInt8(ascii: "k")))
        #expect(typist.state.text == "a")
        _ = typist.type("bc", Bytes.control(UInt8(ascii: "e")), "d", Bytes.left, Bytes.control(UInt8(ascii: "u")))
        #expect(typist.state.text == "d")
        #expect(typist.state.cursor == 0)
    }

    @Test func controlCClearsAndControlDEndsOnlyAnEmptyLine() {
        var typist = Typist()
        #expect(typist.type("half typed", Bytes.control(UInt8(ascii: "c"))) == [.interrupt])
        #expect(typist.state.text.isEmpty)
        // Ctrl-D on a non-empty line deletes under the cursor instead.
        #expect(typist.type("ab", Bytes.left, Bytes.control(UInt8(ascii: "d"))) == [])
        #expect(typist.state.text == "a")
        #expect(typist.type(Bytes.control(UInt8(ascii: "a")), Bytes.control(UInt8(ascii: "k")), Bytes.control(UInt8(ascii: "d"))) == [.endOfInput])
    }

    @Test func historyBrowsingRestoresTheDraft() {
        var typist = Typist(history: ["first", "second"])
        _ = typist.type("draft")
        _ = typist.type(Bytes.up)
        #expect(typist.state.text == "second")
        _ = typist.type(Bytes.up, Bytes.up)  // stops at the oldest
        #expect(typist.state.text == "first")
        _ = typist.type(Bytes.down)
        #expect(typist.state.text == "second")
        _ = typist.type(Bytes.down)
        #expect(typist.state.text == "draft")
        // A recalled line can be edited and submitted; it becomes the newest entry.
        _ = typist.type(Bytes.up, "!")
        #expect(typist.type(Bytes.enter) == [.submit("second!")])
        #expect(typist.state.history.entries == ["first", "second", "second!"])
    }

    @Test func historyIsBoundedSkipsRepeatsAndBlanksAndRoundTripsThroughAFile() throws {
        var history = EditHistory(limit: 3)
        for line in ["a", "a", "  ", "b", "c", "d"] { history.add(line) }
        #expect(history.entries == ["b", "c", "d"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gen-history-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        history.save(to: path)
        #expect(EditHistory.load(from: path, limit: 3) == history)
        #expect(EditHistory.load(from: path + ".missing").entries.isEmpty)
    }

    @Test func utf8CharactersArriveWhole() {
        var typist = Typist()
        _ = typist.type("café 😀", Bytes.backspace)
        #expect(typist.state.text == "café ")
        #expect(typist.state.cursor == 5)
    }

    @Test func bytesMayArriveOneByOne() {
        var decoder = KeyDecoder()
        var keys: [EditKey] = []
        for byte in Bytes.delete.bytes + Array("é".utf8) + Bytes.up.bytes { keys += decoder.feed([byte]) }
        #expect(keys == [.delete, .character("é"), .up])
    }

    @Test func unknownAndBrokenSequencesAreIgnoredNotFatal() {
        var decoder = KeyDecoder()
        // Ctrl-Right (ESC [ 1 ; 5 C), Alt-x (ESC x), a stray continuation byte, then a plain key.
        let keys = decoder.feed([0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x43, 0x1B, 0x78, 0x80, 0x61])
        #expect(keys == [.unknown, .unknown, .unknown, .character("a")])
        // An endless parameter run is cut off rather than buffered forever.
        let garbage = decoder.feed([0x1B, 0x5B] + Array(repeating: 0x31, count: 40))
        #expect(garbage.contains(.unknown))
    }

    @Test func tabCompletesTheCommonPrefixOrListsTheChoices() {
        var typist = Typist()
        _ = typist.type("x + len")
        #expect(typist.type(Bytes.tab) == [.complete])
        #expect(typist.state.wordBeforeCursor == "len")
        #expect(typist.state.complete(with: ["length", "lengthy"]) == [])
        #expect(typist.state.text == "x + length")
        #expect(typist.state.complete(with: ["length", "lengthy"]) == ["length", "lengthy"])
        _ = typist.type("y")
        #expect(typist.state.complete(with: ["lengthy"]) == [])
        #expect(typist.state.text == "x + lengthy ")
        var command = Typist()
        _ = command.type(":ty")
        #expect(command.state.wordBeforeCursor == ":ty")
        _ = command.state.complete(with: [":type"])
        #expect(command.state.text == ":type ")
    }
}
