import Foundation
import GenCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves a script-relative path and refuses it unless it stays inside the project root.
///
/// Checked twice: lexically (so `../x` is refused even when it does not exist) and after `realpath`
/// resolves every `..` and symlink (so a link inside the project cannot point outside it).
enum ConfinedPath {
    static func resolve(_ path: String, from scriptDirectory: String, within projectRoot: String) throws(RuntimeProblem)
        -> String
    {
        guard !path.isEmpty else { throw RuntimeProblem(.fileAccess, "the path is empty") }
        guard !path.contains("\0") else { throw RuntimeProblem(.fileAccess, "the path contains a NUL character") }
        guard let root = realPath(projectRoot) else {
            throw RuntimeProblem(.fileAccess, "the project root \(GenStringLiteral.quote(projectRoot)) does not exist")
        }
        // Resolve the script directory first, so `..` in `path` is judged against where the script really is.
        let base = realPath(scriptDirectory) ?? absolute(scriptDirectory)
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        let lexical = normalized(joined)
        guard isInside(lexical, root: root) else { throw outside(path, root: root) }
        guard let resolved = realPath(joined) else {
            // Relative to the project root: the same words on every machine, and enough to see where `..` led.
            let shown = lexical == root ? "." : String(lexical.dropFirst(root == "/" ? 1 : root.count + 1))
            throw RuntimeProblem(
                .fileAccess, "no such file: \(GenStringLiteral.quote(path)) (looked for \(shown) in the project root)",
                hint: "paths are relative to the script's directory")
        }
        guard isInside(resolved, root: root) else { throw outside(path, root: root) }
        return resolved
    }

    private static func outside(_ path: String, root: String) -> RuntimeProblem {
        RuntimeProblem(
            .fileAccess, "\(GenStringLiteral.quote(path)) is outside the project root \(root)",
            hint: "scripts may read only files inside their project; copy the file into it")
    }

    private static func absolute(_ path: String) -> String {
        normalized(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }

    static func isInside(_ path: String, root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `.` and `..` removed without touching the file system (`..` above `/` stays at `/`).
    static func normalized(_ absolute: String) -> String {
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
