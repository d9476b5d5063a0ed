import GenCore

/// The session's entries assembled into one script for the checker, and the way back from a position in that
/// script to the entry (and `<repl:N>` file) the user typed it in.
///
/// Layout: the version line, every import (the parser wants imports first), every entry with its imports blanked,
/// then optionally `let __repl_value = EXPR` for an expression being evaluated.
struct ReplProgram {
    /// The constant an evaluated expression is bound to.
    static let valueName = "__repl_value"
    static let valuePrefix = "let \(valueName) = "

    /// A run of the combined text copied from one entry.
    private struct Segment {
        let start: Int
        let length: Int
        let entry: Int
        let entryStart: Int
    }

    let text: String
    let entries: [ReplEntry]
    private let segments: [Segment]

    /// `expressionStart` skips the start of the expression entry's text (`:type ` in front of the expression).
    init(version: String, entries: [ReplEntry], expression: ReplEntry? = nil, expressionStart: Int = 0) {
        var all = entries
        if let expression { all.append(expression) }
        var out: [UInt8] = Array("gen \(version)\n".utf8)
        var segments: [Segment] = []
        func copy(_ bytes: ArraySlice<UInt8>, entry: Int, from entryStart: Int) {
            segments.append(Segment(start: out.count, length: bytes.count, entry: entry, entryStart: entryStart))
            out += bytes
            out.append(UInt8(ascii: "\n"))
        }
        for (index, entry) in all.enumerated() {
            for declaration in entry.declarations where declaration.kind == "import" {
                let span = declaration.span
                copy(entry.bytesSlice(span.start, span.end), entry: index, from: span.start)
            }
        }
        for (index, var entry) in all.enumerated() {
            for declaration in entry.declarations where declaration.kind == "import" { entry.blank(declaration.span) }
            let start = index == entries.count ? expressionStart : 0
            if index == entries.count { out += Array(Self.valuePrefix.utf8) }
            copy(entry.bytesSlice(start, Int.max), entry: index, from: start)
        }
        self.text = String(decoding: out, as: UTF8.self)
        self.entries = all
        self.segments = segments
    }

    /// The source files diagnostics are rendered against: the checker's imported modules (ids 1...) and one file
    /// per entry, numbered after them.
    func files(checked: [SourceFile]) -> [SourceFile] {
        let imported = checked.filter { $0.id != FileID(0) }
        let base = UInt32(checked.count)
        return imported + entries.enumerated().map { index, entry in
            SourceFile(id: FileID(base + UInt32(index)), path: entry.path, text: entry.text)
        }
    }

    /// Diagnostics moved from the combined script into the entries' files (imported modules keep their ids).
    func remap(_ diagnostics: [Diagnostic], checked: [SourceFile]) -> [Diagnostic] {
        let base = UInt32(checked.count)
        func move(_ span: Span) -> Span {
            guard span.file == FileID(0), !segments.isEmpty else { return span }
            let segment = segments.first { $0.start <= span.start && span.start <= $0.start + $0.length }
                ?? segments.first { $0.start > span.start }
                ?? segments[segments.count - 1]
            let offset = min(max(span.start - segment.start, 0), segment.length)
            let length = min(span.length, segment.length - offset)
            return Span(file: FileID(base + UInt32(segment.entry)), start: segment.entryStart + offset, length: max(length, 0))
        }
        return diagnostics.map { diagnostic in
            var moved = diagnostic
            moved.span = move(diagnostic.span)
            moved.secondary = diagnostic.secondary.map { DiagnosticLabel($0.text, at: move($0.span)) }
            moved.notes = diagnostic.notes.map { DiagnosticNote($0.text, at: $0.span.map(move)) }
            moved.fixIt = diagnostic.fixIt.map { FixIt(replacing: move($0.span), with: $0.replacement) }
            return moved
        }
    }
}
