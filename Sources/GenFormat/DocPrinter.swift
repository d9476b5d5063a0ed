/// Lays a `Doc` out in a maximum width: Wadler's algorithm with Prettier's "fits" rule (a group prints flat
/// when its flat form, plus whatever follows it up to the next possible line break, fits in the line).
///
/// Output never has trailing spaces (spaces are only printed between two texts), runs of line breaks collapse
/// to one, and at most one empty line is kept; no empty line follows an opening `(`, `[` or `{`.
struct DocPrinter {
    let width: Int
    let indentWidth: Int

    private enum Mode { case flat, broken }

    private struct Command {
        let indent: Int
        let mode: Mode
        let doc: Doc
    }

    private var lines: [String] = []
    /// The line being built; empty until its first text (indentation is added with that text).
    private var current = ""
    /// Columns of indentation for the line being built.
    private var currentIndent = 0
    private var pendingSpace = false
    private var suffixes: [String] = []
    /// True when the last text printed was an opening delimiter (no blank line may follow it).
    private var lastTextOpens = false

    init(width: Int, indentWidth: Int) {
        self.width = width
        self.indentWidth = indentWidth
    }

    /// The laid-out text, ending with exactly one line break.
    static func print(_ doc: Doc, width: Int, indentWidth: Int) -> String {
        var printer = DocPrinter(width: width, indentWidth: indentWidth)
        printer.run(doc)
        printer.newline(indent: 0, blank: false)
        while printer.lines.last == "" { printer.lines.removeLast() }
        return printer.lines.joined(separator: "\n") + "\n"
    }

    private mutating func run(_ doc: Doc) {
        var stack = [Command(indent: 0, mode: .broken, doc: doc)]
        while let command = stack.popLast() {
            switch command.doc {
            case .empty:
                break
            case .text(let text):
                emit(text, level: command.indent)
            case .space:
                pendingSpace = true
            case .line, .softLine:
                if command.mode == .broken {
                    newline(indent: command.indent, blank: false)
                } else if case .line = command.doc {
                    pendingSpace = true
                }
            case .hardLine(let blank):
                newline(indent: command.indent, blank: blank)
            case .concat(let parts):
                for part in parts.reversed() { stack.append(Command(indent: command.indent, mode: command.mode, doc: part)) }
            case .indent(let inner):
                stack.append(Command(indent: command.indent + 1, mode: command.mode, doc: inner))
            case .group(let inner, let forceBreak):
                let flat = Command(indent: command.indent, mode: .flat, doc: inner)
                if command.mode == .flat && !forceBreak {
                    stack.append(flat)
                } else if !forceBreak && fits(flat, rest: stack) {
                    stack.append(flat)
                } else {
                    stack.append(Command(indent: command.indent, mode: .broken, doc: inner))
                }
            case .ifBroken(let broken, let flat):
                stack.append(Command(indent: command.indent, mode: command.mode, doc: command.mode == .broken ? broken : flat))
            case .lineSuffix(let text):
                suffixes.append(text)
            case .comment(let text):
                if suffixes.isEmpty { emit(text, level: command.indent) } else { suffixes.append(text) }
            }
        }
    }

    // MARK: - Output

    private mutating func emit(_ text: String, level: Int) {
        guard !text.isEmpty else { return }
        if text.contains("\n") {
            emitMultiline(text, level: level)
            return
        }
        if current.isEmpty {
            current = String(repeating: " ", count: currentIndent)
        } else if pendingSpace, current.last != " ", !text.hasPrefix(",") {
            current += " "
        }
        pendingSpace = false
        current += text
        lastTextOpens = text == "(" || text == "[" || text == "{"
    }

    /// Verbatim text with line breaks: only its first line is placed; the others keep their own indentation
    /// (re-indenting them would change a multi-line string's value). A held-back comment cannot go inside it,
    /// so it is printed first, on its own line.
    private mutating func emitMultiline(_ text: String, level: Int) {
        if !suffixes.isEmpty { newline(indent: level, blank: false) }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        emit(String(parts[0]), level: level)
        for part in parts.dropFirst() {
            lines.append(current)
            current = String(part)
        }
        pendingSpace = false
        lastTextOpens = false
    }

    private mutating func newline(indent: Int, blank: Bool) {
        for (position, suffix) in suffixes.enumerated() {
            current += current.isEmpty ? String(repeating: " ", count: currentIndent) : " "
            current += suffix
            // A line comment ends its line: what was held back after it goes on a line of its own, indented like
            // the line that follows (where it will sit, as a comment above that line, when formatted again).
            if suffix.hasPrefix("//"), position < suffixes.count - 1 {
                lines.append(current)
                current = ""
                currentIndent = indent * indentWidth
            }
        }
        if !suffixes.isEmpty {
            suffixes.removeAll()
            lastTextOpens = false
        }
        if !current.isEmpty {
            lines.append(current)
            current = ""
        }
        if blank, let last = lines.last, !last.isEmpty, !lastTextOpens {
            lines.append("")
        }
        pendingSpace = false
        currentIndent = indent * indentWidth
    }

    // MARK: - Fitting

    /// True when `next` printed flat, followed by the rest of the document up to its next line break,
    /// stays within the width.
    private func fits(_ next: Command, rest: [Command]) -> Bool {
        var remaining = width - (current.isEmpty ? currentIndent : current.count)
        var space = pendingSpace && !current.isEmpty
        var stack = [next]
        var restIndex = rest.count
        while true {
            guard let command = stack.popLast() else {
                if restIndex == 0 { return true }
                restIndex -= 1
                stack.append(rest[restIndex])
                continue
            }
            switch command.doc {
            case .empty, .lineSuffix:
                break
            case .comment:
                // Comments never decide a layout: the same comment may be inline in one pass and held back to the
                // end of the line in the next, and the layout must not differ between the two.
                break
            case .text(let text):
                let firstLine = text.prefix { $0 != "\n" }
                remaining -= firstLine.count + (space && !text.hasPrefix(",") ? 1 : 0)
                space = false
                if remaining < 0 { return false }
                if firstLine.count < text.count { return true }
            case .space:
                space = true
            case .line:
                if command.mode == .broken { return true }
                space = true
            case .softLine:
                if command.mode == .broken { return true }
            case .hardLine:
                return true
            case .concat(let parts):
                for part in parts.reversed() { stack.append(Command(indent: command.indent, mode: command.mode, doc: part)) }
            case .indent(let inner):
                stack.append(Command(indent: command.indent, mode: command.mode, doc: inner))
            case .group(let inner, let forceBreak):
                stack.append(Command(indent: command.indent, mode: forceBreak ? .broken : command.mode, doc: inner))
            case .ifBroken(let broken, let flat):
                stack.append(Command(indent: command.indent, mode: command.mode, doc: command.mode == .broken ? broken : flat))
            }
        }
    }
}
