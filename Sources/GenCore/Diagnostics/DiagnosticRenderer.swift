/// Renders diagnostics as text: a pure function of the source files and the diagnostics.
///
/// ```
/// examples/bank.gen:12:15: error: unknown escape sequence `\q`
///    |
/// 12 |   domain: "a \q b"
///    |              ^^
///    = hint: valid escapes are ...
/// ```
/// Primary spans are underlined with `^`, secondary spans with `-` and their label; lines more than one apart
/// are separated by a `:` gutter line. ANSI colour codes are added only when `colour` is true.
public enum DiagnosticRenderer {
    /// All diagnostics, each followed by a newline, separated by blank lines.
    /// At most this many diagnostics per file are rendered; the rest are counted in one line (10,000 `@` on one
    /// line printed 150 MB, each error repeating the line).
    public static let maxPerFile = 100

    public static func render(_ diagnostics: [Diagnostic], files: [SourceFile], colour: Bool = false) -> String {
        var context = Context(files: files, style: Style(enabled: colour))
        var shown: [FileID: Int] = [:]
        var hidden: [FileID: Int] = [:]
        var parts: [String] = []
        for diagnostic in diagnostics {
            let file = diagnostic.span.file
            guard shown[file, default: 0] < maxPerFile else {
                hidden[file, default: 0] += 1
                continue
            }
            shown[file, default: 0] += 1
            parts.append(context.render(diagnostic))
        }
        for (file, count) in hidden.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let path = files.first { $0.id == file }?.path ?? "the file"
            parts.append("\(path): \(count) more diagnostic\(count == 1 ? "" : "s") not shown (the first \(maxPerFile) are above; fix them first)\n")
        }
        return parts.joined(separator: "\n")
    }

    /// One diagnostic, ending with a newline.
    public static func render(_ diagnostic: Diagnostic, files: [SourceFile], colour: Bool = false) -> String {
        render([diagnostic], files: files, colour: colour)
    }

    /// `path:line:column` of the start of a span, or nil when the file is not among `files`.
    public static func location(of span: Span, files: [SourceFile]) -> String? {
        guard let file = files.first(where: { $0.id == span.file }) else { return nil }
        return "\(file.path):\(LineIndex(file).location(of: span.start))"
    }
}

/// ANSI styling, or none.
struct Style {
    let enabled: Bool

    func apply(_ code: String, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { apply("1", text) }
    func gutter(_ text: String) -> String { apply("1;34", text) }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: apply("1;31", text)
        case .warning: apply("1;33", text)
        case .note: apply("1;36", text)
        }
    }
}

/// One underline under a source line.
private struct Underline {
    var column: Int  // 0-based grapheme column within the line
    var width: Int  // graphemes, at least 1
    let isPrimary: Bool
    let label: String?
}

/// The part of a source line a diagnostic shows: a line longer than `maxColumns` characters (a minified list,
/// 10,000 `@`) is cut to a window around its underlines with an ellipsis at each cut, so an error never
/// reprints a whole huge line.
private struct LineWindow {
    static let maxColumns = 160
    let start: Int
    let end: Int
    let total: Int

    init(lineLength: Int, underlines: [Underline]) {
        total = lineLength
        guard lineLength > Self.maxColumns else {
            start = 0
            end = lineLength
            return
        }
        let first = underlines.map(\.column).min() ?? 0
        let last = underlines.map { $0.column + $0.width }.max() ?? first
        let margin = max(0, (Self.maxColumns - (last - first)) / 2)
        start = max(0, min(first - margin, lineLength - Self.maxColumns, first))
        end = min(lineLength, start + Self.maxColumns)
    }

    func clip(_ characters: [Character]) -> [Character] {
        guard start > 0 || end < total else { return characters }
        return (start > 0 ? ["\u{2026}"] : []) + Array(characters[min(start, characters.count)..<min(end, characters.count)])
            + (end < total ? ["\u{2026}"] : [])
    }

    func shift(_ underline: Underline) -> Underline {
        guard start > 0 || end < total else { return underline }
        var moved = underline
        let from = max(underline.column, start)
        moved.column = from - start + (start > 0 ? 1 : 0)
        moved.width = max(1, min(underline.column + underline.width, end) - from)
        return moved
    }
}

/// Render state: line indexes are built once per file per call.
private struct Context {
    let files: [SourceFile]
    let style: Style
    var indexes: [FileID: LineIndex] = [:]

    init(files: [SourceFile], style: Style) {
        self.files = files
        self.style = style
    }

    mutating func index(for id: FileID) -> LineIndex? {
        if let index = indexes[id] { return index }
        guard let file = files.first(where: { $0.id == id }) else { return nil }
        let index = LineIndex(file)
        indexes[id] = index
        return index
    }

    mutating func location(_ span: Span) -> String? {
        guard let index = index(for: span.file) else { return nil }
        return "\(index.file.path):\(index.location(of: span.start))"
    }

    mutating func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let place = location(diagnostic.span) ?? "<unknown>"
        out += style.bold(place + ":") + " " + style.severity(diagnostic.severity, diagnostic.severity.rawValue + ":")
        out += " " + style.bold(diagnostic.message) + "\n"
        guard let index = index(for: diagnostic.span.file) else { return out + trailer(diagnostic, width: 2) }

        var spans = [(diagnostic.span, true, diagnostic.label)]
        spans += diagnostic.secondary.filter { $0.span.file == diagnostic.span.file }.map { ($0.span, false, $0.text) }
        var lines: [Int: [Underline]] = [:]
        for (span, isPrimary, label) in spans {
            let (line, underline) = Self.underline(span, isPrimary: isPrimary, label: label, in: index)
            lines[line, default: []].append(underline)
        }
        let foreign = diagnostic.secondary.filter { $0.span.file != diagnostic.span.file }
        let numbers = lines.keys.sorted()
        let width = max(2, String(numbers.last ?? 1).count)
        let pad = String(repeating: " ", count: width + 1)
        out += style.gutter(pad + "|") + "\n"
        var previous: Int?
        for number in numbers {
            if let previous, number > previous + 1 {
                if number == previous + 2 {
                    let characters = Array(Self.printable(index.text(ofLine: previous + 1)))
                    out += sourceLine(previous + 1, text: String(LineWindow(lineLength: characters.count, underlines: []).clip(characters)),
                                      width: width)
                } else {
                    out += style.gutter(pad + ":") + "\n"
                }
            }
            let underlines = lines[number, default: []].sorted { a, b in
                a.isPrimary != b.isPrimary ? a.isPrimary : a.column < b.column
            }
            let characters = Array(Self.printable(index.text(ofLine: number)))
            let window = LineWindow(lineLength: characters.count, underlines: underlines)
            let text = String(window.clip(characters))
            out += sourceLine(number, text: text, width: width)
            for underline in underlines {
                out += style.gutter(pad + "|") + " " + marks(window.shift(underline), severity: diagnostic.severity, lineText: text) + "\n"
            }
            previous = number
        }
        for label in foreign {
            out += style.gutter(pad + "=") + " " + style.bold("note:") + " \(label.text) (\(location(label.span) ?? "<unknown>"))\n"
        }
        return out + trailer(diagnostic, width: width)
    }

    /// Notes, hint and fix-it lines.
    private mutating func trailer(_ diagnostic: Diagnostic, width: Int) -> String {
        let prefix = style.gutter(String(repeating: " ", count: width + 1) + "=") + " "
        var out = ""
        for note in diagnostic.notes {
            var text = note.text
            if let span = note.span, let place = location(span) { text += " (\(place))" }
            out += prefix + style.bold("note:") + " " + text + "\n"
        }
        if let hint = diagnostic.hint {
            out += prefix + style.bold("hint:") + " " + hint + "\n"
        }
        if let fix = diagnostic.fixIt, let file = files.first(where: { $0.id == fix.span.file }) {
            out += prefix + style.bold("fix:") + " " + Self.describe(fix, in: file) + "\n"
        }
        return out
    }

    private func sourceLine(_ number: Int, text: String, width: Int) -> String {
        let digits = String(number)
        let label = String(repeating: " ", count: max(0, width - digits.count)) + digits + " |"
        return style.gutter(label) + (text.isEmpty ? "" : " " + text) + "\n"
    }

    /// Padding that mirrors tabs and wide characters, then `^^^` or `---`, then the label.
    private func marks(_ underline: Underline, severity: Severity, lineText: String) -> String {
        let characters = Array(Self.printable(lineText))
        var padding = ""
        for character in characters.prefix(underline.column) {
            padding += character == "\t" ? "\t" : String(repeating: " ", count: TerminalWidth.of(character))
        }
        padding += String(repeating: " ", count: max(0, underline.column - characters.count))
        let covered = characters.dropFirst(underline.column).prefix(underline.width)
        let columns = max(1, covered.reduce(0) { $0 + ($1 == "\t" ? 4 : TerminalWidth.of($1)) })
        var marks = String(repeating: underline.isPrimary ? "^" : "-", count: columns)
        if let label = underline.label, !label.isEmpty { marks += " " + label }
        return padding + (underline.isPrimary ? style.severity(severity, marks) : style.gutter(marks))
    }

    /// The line holding the span's start, and the underline for the part of the span on that line.
    private static func underline(_ span: Span, isPrimary: Bool, label: String?, in index: LineIndex) -> (Int, Underline) {
        let start = index.location(of: span.start)
        let lineEnd = index.byteRange(ofLine: start.line).upperBound
        let end = min(max(span.end, span.start), lineEnd)
        let endColumn = end > span.start ? index.location(of: end).column : start.column
        let width = max(1, endColumn - start.column)
        return (start.line, Underline(column: start.column - 1, width: width, isPrimary: isPrimary, label: label))
    }

    /// Control characters would corrupt the terminal; show them as U+FFFD (one column, like the original).
    private static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else {
            return text
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.map {
            ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F ? "\u{FFFD}" : $0
        }))
    }

    static func describe(_ fix: FixIt, in file: SourceFile) -> String {
        let original = visible(file.text(of: fix.span))
        let replacement = visible(fix.replacement)
        if fix.span.isEmpty { return "insert `\(replacement)`" }
        if fix.replacement.isEmpty { return "remove `\(original)`" }
        return "replace `\(original)` with `\(replacement)`"
    }

    /// Line breaks and tabs written as escapes, so a fix-it stays on one line.
    private static func visible(_ text: String) -> String {
        text.map { $0 == "\n" ? "\\n" : $0 == "\t" ? "\\t" : String($0) }.joined()
    }
}
