import Foundation
import GenCore

/// Reads a JSON Lines file for compile-time `read_jsonl`, confined to a base directory.
enum JSONLFile {
    static func read(_ path: String, in base: URL) throws -> JSONValue {
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
        guard ConfinedPath.isInside(url.resolvingSymlinksInPath(), base.resolvingSymlinksInPath()) else {
            throw ConstantEvaluationError("\"\(path)\" is outside the script's directory")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConstantEvaluationError("cannot read \"\(path)\" (no such file)")
        }
        var rows: [JSONValue] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let row = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)), row.objectValue != nil else {
                throw ConstantEvaluationError("\"\(path)\" line \(number + 1) is not a JSON object")
            }
            rows.append(row)
        }
        return .array(rows)
    }
}

/// Keeps paths inside a directory: `..` and absolute paths must not escape it.
enum ConfinedPath {
    static func isInside(_ url: URL, _ directory: URL) -> Bool {
        let path = url.standardizedFileURL.path
        let root = directory.standardizedFileURL.path
        return path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
