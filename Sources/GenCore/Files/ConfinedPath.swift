import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves a script-relative path and refuses it unless it stays inside the project root: the one rule for
/// `read_jsonl` at run time and at check time, and for relative imports.
///
/// Checked twice: lexically (so `../x` is refused even when it does not exist) and after `realpath`
/// resolves every `..` and symlink (so a link inside the project cannot point outside it).
public enum ConfinedPath {
    public enum Problem: Error, Equatable {
        case empty
        case containsNUL
        case rootMissing(root: String)
        case outside(path: String, root: String)
        /// `shown`: where it was looked for, relative to the project root (the same on every machine).
        case notFound(path: String, shown: String)
    }

    public static func resolve(_ path: String, from directory: String, within projectRoot: String) throws(Problem) -> String {
        guard !path.isEmpty else { throw .empty }
        guard !path.contains("\0") else { throw .containsNUL }
        guard let root = realPath(projectRoot) else { throw .rootMissing(root: projectRoot) }
        // Resolve the directory first, so `..` in `path` is judged against where the script really is.
        let base = realPath(directory) ?? absolute(directory)
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        let lexical = normalized(joined)
        guard isInside(lexical, root: root) else { throw .outside(path: path, root: root) }
        guard let resolved = realPath(joined) else {
            let shown = lexical == root ? "." : String(lexical.dropFirst(root == "/" ? 1 : root.count + 1))
            throw .notFound(path: path, shown: shown)
        }
        guard isInside(resolved, root: root) else { throw .outside(path: path, root: root) }
        return resolved
    }

    private static func absolute(_ path: String) -> String {
        normalized(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }

    public static func isInside(_ path: String, root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `.` and `..` removed without touching the file system (`..` above `/` stays at `/`).
    public static func normalized(_ absolute: String) -> String {
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

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
