import GenCore

/// One accepted input (or loaded file) as it takes part in the session's program.
struct ReplEntry: Sendable {
    /// Where diagnostics point: `<repl:3>` for the third input, the path for a loaded file.
    let path: String
    /// The input's UTF-8 text. The version line and replaced declarations are blanked (spaces, line breaks kept),
    /// so every span still points at the same bytes and line numbers stay those the user saw.
    private(set) var bytes: [UInt8]
    /// Declarations still in force, in source order.
    private(set) var declarations: [ReplDeclaration]

    init(path: String, text: String, declarations: [ReplDeclaration]) {
        self.path = path
        self.bytes = Array(text.utf8)
        self.declarations = declarations
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes from `start` up to `end` (clipped to the text).
    func bytesSlice(_ start: Int, _ end: Int) -> ArraySlice<UInt8> {
        let upper = min(end, bytes.count)
        return bytes[min(start, upper)..<upper]
    }

    /// Overwrites a span with spaces (keeping line breaks): the checker no longer sees what was there.
    mutating func blank(_ span: Span) {
        let end = min(span.end, bytes.count)
        guard span.start < end else { return }
        for offset in span.start..<end where bytes[offset] != UInt8(ascii: "\n") {
            bytes[offset] = UInt8(ascii: " ")
        }
    }

    /// Removes the declarations sharing a key with `keys`; returns them.
    mutating func removeDeclarations(sharingAny keys: Set<String>) -> [ReplDeclaration] {
        let removed = declarations.filter { !$0.keys.isDisjoint(with: keys) }
        for declaration in removed { blank(declaration.span) }
        declarations.removeAll { !$0.keys.isDisjoint(with: keys) }
        return removed
    }
}
