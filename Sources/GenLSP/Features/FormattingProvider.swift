import GenCore
import GenFormat

/// `textDocument/formatting`: `gen fmt`'s output as one whole-document edit; no edit when the file has
/// syntax errors (the formatter refuses them) or is already canonical.
struct FormattingProvider {
    func edits(_ document: TextDocument) -> JSONValue {
        let source = SourceFile(path: document.uri, text: document.text)
        guard case .formatted(let text) = Formatter.format(source), text != document.text else { return .array([]) }
        let whole = PositionMap(source).range(of: source.span)
        return .array([.object(["range": whole.json, "newText": .string(text)])])
    }
}
