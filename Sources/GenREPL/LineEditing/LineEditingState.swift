/// What a key did to the line being edited.
public enum EditOutcome: Sendable, Equatable {
    /// The line changed or the cursor moved; keep reading.
    case editing
    /// Enter: the finished line (also added to the history).
    case submit(String)
    /// Ctrl-C: the line was cleared.
    case interrupt
    /// Ctrl-D on an empty line: no more input.
    case endOfInput
    /// Tab: the front end should ask for completions of `wordBeforeCursor` and call `complete(with:)`.
    case complete
    /// Ctrl-L: the front end should clear the screen and redraw.
    case clearScreen
}

/// The pure editing state machine of the line editor: a line, a cursor and the history, changed by keys.
/// No terminal here, so every behaviour is testable by feeding keys (or bytes through `KeyDecoder`).
public struct LineEditingState: Sendable {
    /// The line being edited.
    public private(set) var line: [Character] = []
    /// Cursor position, 0...line.count (characters before it).
    public private(set) var cursor = 0
    /// Submitted lines, for up/down.
    public private(set) var history: EditHistory
    /// While browsing the history with up/down: which entry is shown, and the line typed before browsing.
    private var browsing: Int?
    private var draft: [Character] = []

    /// An empty line, with earlier lines to browse.
    public init(history: EditHistory = EditHistory()) {
        self.history = history
    }

    /// The line as text.
    public var text: String { String(line) }

    /// Starts a fresh line (after a submit or an interrupt).
    public mutating func startLine() {
        line = []
        cursor = 0
        browsing = nil
        draft = []
    }

    /// Applies one key: edits the line, moves the cursor, browses the history, or finishes the line.
    public mutating func apply(_ key: EditKey) -> EditOutcome {
        switch key {
        case .character(let character): insert([character])
        case .enter:
            let submitted = text
            history.add(submitted)
            startLine()
            return .submit(submitted)
        case .tab: return .complete
        case .backspace:
            if cursor > 0 {
                line.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete: deleteUnderCursor()
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(line.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = line.count
        case .up: showHistory(step: -1)
        case .down: showHistory(step: 1)
        case .control("k"): line.removeSubrange(cursor...)
        case .control("u"):
            line.removeSubrange(..<cursor)
            cursor = 0
        case .control("w"): deleteWordBeforeCursor()
        case .control("c"):
            startLine()
            return .interrupt
        case .control("d"):
            if line.isEmpty { return .endOfInput }
            deleteUnderCursor()
        case .control("l"): return .clearScreen
        case .control, .unknown: break
        }
        return .editing
    }

    /// The identifier (or `:command`) the cursor is at the end of: what Tab completes.
    public var wordBeforeCursor: String {
        var start = cursor
        while start > 0, line[start - 1].isLetter || line[start - 1].isNumber || line[start - 1] == "_" { start -= 1 }
        if start > 0, line[start - 1] == ":", line[..<(start - 1)].allSatisfy(\.isWhitespace) { start -= 1 }
        return String(line[start..<cursor])
    }

    /// Inserts what all candidates share beyond the word before the cursor. Returns the candidates to list when
    /// nothing could be inserted and there is a choice to make.
    public mutating func complete(with candidates: [String]) -> [String] {
        let word = wordBeforeCursor
        let matching = candidates.filter { $0.hasPrefix(word) }
        guard let first = matching.first else { return [] }
        var common = first
        for candidate in matching.dropFirst() {
            common = String(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
        }
        let addition = Array(common.dropFirst(word.count)) + (matching.count == 1 ? [" "] : [])
        if !addition.isEmpty {
            insert(addition)
            return []
        }
        return matching.count > 1 ? matching : []
    }

    private mutating func insert(_ characters: [Character]) {
        line.insert(contentsOf: characters, at: cursor)
        cursor += characters.count
    }

    private mutating func deleteUnderCursor() {
        if cursor < line.count { line.remove(at: cursor) }
    }

    /// Ctrl-W: spaces before the cursor, then the word before them.
    private mutating func deleteWordBeforeCursor() {
        var start = cursor
        while start > 0, line[start - 1].isWhitespace { start -= 1 }
        while start > 0, !line[start - 1].isWhitespace { start -= 1 }
        line.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Up (-1) shows older entries, down (+1) newer ones and finally the line being typed before browsing.
    private mutating func showHistory(step: Int) {
        let entries = history.entries
        guard !entries.isEmpty else { return }
        let next: Int
        if let current = browsing {
            next = current + step
        } else {
            guard step < 0 else { return }
            draft = line
            next = entries.count - 1
        }
        if next >= entries.count {
            browsing = nil
            line = draft
        } else {
            browsing = max(0, next)
            line = Array(entries[max(0, next)])
        }
        cursor = line.count
    }
}
