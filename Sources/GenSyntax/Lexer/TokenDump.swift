import GenCore

/// A one-token-per-line listing for `gen tokens` and debugging: position, kind, spelling and any comments
/// in the trivia, e.g. `2:1 identifier model` or `3:9 string "a \(…)" // note`.
public enum TokenDump {
    public static func render(_ tokens: [Token], source: SourceFile) -> String {
        let index = LineIndex(source)
        var out = ""
        for token in tokens {
            var line = "\(index.location(of: token.span.start)) \(name(of: token.kind))"
            let text = token.text(in: source)
            if !text.isEmpty { line += " " + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n") }
            let comments = (token.leadingTrivia(in: source) + token.trailingTrivia(in: source)).compactMap(\.commentText)
            if !comments.isEmpty { line += "    trivia: " + comments.joined(separator: " | ") }
            out += line + "\n"
        }
        return out
    }

    static func name(of kind: TokenKind) -> String {
        switch kind {
        case .identifier: "identifier"
        case .keyword: "keyword"
        case .int: "int"
        case .float: "float"
        case .string(let literal): literal.isMultiline ? "multiline-string" : "string"
        case .error: "error"
        case .endOfFile: "end"
        default: "punctuation"
        }
    }
}
