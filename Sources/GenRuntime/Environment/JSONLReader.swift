import GenCore

/// Parses JSON Lines text into records: one JSON object per line; blank lines are skipped.
enum JSONLReader {
    /// `path` is only for messages: a bad line is reported as `path:line`.
    static func records(in text: String, path: String) throws(RuntimeProblem) -> [Value] {
        var rows: [Value] = []
        // Split bytes, not Characters: "\r\n" is one Character in Swift and would never equal "\n".
        for (offset, rawLine) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var line = rawLine[...]
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let lineText = String(decoding: line, as: UTF8.self)
            // GenCore's parser keeps `3.0` a float, which Foundation's decoder would turn into the int 3.
            guard let json = CanonicalJSON.parse(lineText) else {
                throw RuntimeProblem(
                    .invalidData, "\(path):\(lineNumber): not valid JSON: \(excerpt(lineText))",
                    hint: "each line of a .jsonl file must be one complete JSON object")
            }
            guard case .object = json else {
                throw RuntimeProblem(.invalidData, "\(path):\(lineNumber): expected a JSON object, got \(kind(of: json))")
            }
            rows.append(Value(json: json))
        }
        return rows
    }

    private static func excerpt(_ line: String) -> String {
        line.count <= 60 ? String(line) : String(line.prefix(57)) + "..."
    }

    private static func kind(of json: JSONValue) -> String {
        switch json {
        case .null: return "null"
        case .bool: return "a bool"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
