import GenCore

/// An open document's text as the client last sent it, with its version.
struct TextDocument {
    let uri: String
    var version: Int
    var text: String

    /// Applies one `TextDocumentContentChangeEvent`: a `range` with replacement `text` (incremental sync), or a
    /// `text` alone that replaces everything. Ranges count UTF-16 units, as LSP does.
    mutating func apply(_ change: JSONValue) throws(ResponseError) {
        guard let replacement = change["text"]?.stringValue else { throw .invalidParams("a content change needs `text`") }
        guard let range = change["range"] else {
            text = replacement
            return
        }
        let start = try Self.position(range["start"])
        let end = try Self.position(range["end"])
        guard start <= end else { throw .invalidParams("a change's range ends before it starts") }
        let map = PositionMap(SourceFile(path: uri, text: text))
        var bytes = Array(text.utf8)
        let (from, to) = (map.offset(of: start), map.offset(of: end))
        bytes.replaceSubrange(from..<to, with: Array(replacement.utf8))
        text = String(decoding: bytes, as: UTF8.self)
    }

    private static func position(_ value: JSONValue?) throws(ResponseError) -> LSPPosition {
        guard case .int(let line)? = value?["line"], case .int(let character)? = value?["character"], line >= 0, character >= 0 else {
            throw .invalidParams("a position needs non-negative `line` and `character`")
        }
        return LSPPosition(line: line, character: character)
    }
}
