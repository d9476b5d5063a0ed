import Glibc

/// The interactive front end: reads keys from a terminal in raw mode, edits the line with `LineEditingState`,
/// redraws it after each key, and keeps the history in a file.
///
/// Raw mode lasts only while a line is read, so the REPL's answers print on a normal terminal. Lines longer than
/// the terminal is wide, and wide (CJK, emoji) characters, are not measured: the cursor may land off by a column.
public final class TerminalLineReader: LineSource {
    private var state: LineEditingState
    private var decoder = KeyDecoder()
    private let historyPath: String?
    private let input: Int32
    private let output: Int32

    public var isInteractive: Bool { true }

    /// Nil when standard input or output is not a terminal (use `PlainLineSource` then).
    public init?(historyPath: String? = EditHistory.defaultPath, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        guard isatty(input) == 1, isatty(output) == 1 else { return nil }
        self.historyPath = historyPath
        self.input = input
        self.output = output
        self.state = LineEditingState(history: historyPath.map { EditHistory.load(from: $0) } ?? EditHistory())
    }

    public func readLine(prompt: String, complete: (String) -> [String]) -> LineRead {
        guard let mode = TerminalMode(fd: input) else { return .end }
        defer { mode.restore() }
        state.startLine()
        write(prompt)
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else {
                write("\n")
                return .end
            }
            guard let key = decoder.feed(byte) else { continue }
            switch state.apply(key) {
            case .editing:
                redraw(prompt)
            case .submit(let line):
                write("\n")
                return .line(line)
            case .interrupt:
                write("^C\n")
                return .interrupt
            case .endOfInput:
                write("\n")
                return .end
            case .complete:
                let choices = state.complete(with: complete(state.wordBeforeCursor))
                if !choices.isEmpty { write("\n" + choices.joined(separator: "  ") + "\n") }
                redraw(prompt)
            case .clearScreen:
                write("\u{1B}[H\u{1B}[2J")
                redraw(prompt)
            }
        }
    }

    /// Saves the history.
    public func finish() {
        if let historyPath { state.history.save(to: historyPath) }
    }

    /// Prompt and line from the start of the row, the rest of the row erased, the cursor put back in place.
    private func redraw(_ prompt: String) {
        var text = "\r" + prompt + state.text + "\u{1B}[K"
        let after = state.line.count - state.cursor
        if after > 0 { text += "\u{1B}[\(after)D" }
        write(text)
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
