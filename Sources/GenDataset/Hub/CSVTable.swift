import GenCore

/// RFC 4180 CSV of the samples: one column per top-level field in schema order; strings as they are, numbers and
/// bools as JSON writes them, lists and objects as canonical JSON text (CSV has no nesting), absent as empty.
enum CSVTable {
    static func render(columns: [String], rows: [[String: JSONValue]]) -> String {
        var lines = [columns.map(quoted).joined(separator: ",")]
        for row in rows {
            lines.append(columns.map { name in
                switch row[name] {
                case nil, .null?: return ""
                case .string(let text)?: return quoted(text)
                case let value?: return quoted(CanonicalJSON.string(value))
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a cell when it holds a comma, quote or line break, doubling its quotes.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
