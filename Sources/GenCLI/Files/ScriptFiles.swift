import Foundation
import GenCore

/// Reading and writing the scripts named on the command line.
enum ScriptFiles {
    /// The paths with each directory replaced by the `.gen` files under it (recursively, sorted); a directory
    /// without any is a problem.
    static func expand(_ paths: [String]) -> (files: [String], problems: [FileProblem]) {
        var result: [String] = []
        var problems: [FileProblem] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let found = FileManager.default.enumerator(atPath: resolved)?.compactMap { $0 as? String } ?? []
            let base = path.hasSuffix("/") ? path : path + "/"
            let scripts = found.filter { $0.hasSuffix(".gen") }.sorted().map { base + $0 }
            if scripts.isEmpty {
                problems.append(FileProblem(path: path, reason: "no .gen files in this directory", exitCode: ExitCode.noInput))
            }
            result += scripts
        }
        return (result, problems)
    }

    /// The file as a `SourceFile` with the given id, or why it cannot be used.
    static func read(_ path: String, id: FileID) -> Result<SourceFile, FileProblem> {
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(FileProblem(path: path, reason: "no such file", exitCode: ExitCode.noInput))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(FileProblem(path: path, reason: "permission denied or not a regular file", exitCode: ExitCode.noInput))
        }
        return decode(data, path: path, id: id)
    }

    /// Bytes as a `SourceFile`; invalid UTF-8 is refused rather than repaired, so `gen fmt` never rewrites it.
    static func decode(_ data: Data, path: String, id: FileID) -> Result<SourceFile, FileProblem> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(FileProblem(path: path, reason: invalidUTF8(Array(data)), exitCode: ExitCode.scriptError))
        }
        return .success(SourceFile(id: id, path: path, text: text))
    }

    /// Where the first byte that is not UTF-8 is, as a person finds it in an editor.
    static func invalidUTF8(_ bytes: [UInt8]) -> String {
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            let valid = length > 0 && offset + length <= bytes.count
                && bytes[(offset + 1)..<(offset + length)].allSatisfy { $0 & 0xC0 == 0x80 }
            if !valid { break }
            offset += length
        }
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        let byte = offset < bytes.count ? String(bytes[offset], radix: 16, uppercase: true) : "?"
        return "not valid UTF-8 at line \(line), column \(column) (byte 0x\(byte)); save the file as UTF-8"
    }

    /// Replaces the file's contents atomically (write a temporary file, then rename), keeping its permissions.
    static func replaceContents(of path: String, with text: String) throws {
        let permissions = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        if let permissions {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        }
    }
}
