import Foundation

/// Where go-to-definition sends a standard module (`std/arms`): the repository's `stdlib/arms.gen` when one
/// is found near the workspace or the `gen` binary, else a read-only copy of the embedded text in a
/// temporary folder (every client opens a `file:` URI; few know a virtual-document scheme).
struct StdlibFiles {
    /// Folders that may hold `stdlib/`, nearest first.
    let searchRoots: [URL]

    static func searchRoots(workspace: URL?, executable: URL) -> [URL] {
        var roots: [URL] = []
        if let workspace { roots += ancestors(of: workspace, levels: 4) }
        roots += ancestors(of: executable.deletingLastPathComponent(), levels: 5)
        return roots
    }

    private static func ancestors(of url: URL, levels: Int) -> [URL] {
        var list: [URL] = []
        var current = url.standardizedFileURL
        for _ in 0..<levels {
            list.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return list
    }

    /// The URI to open for the module `key` (`std/NAME`) whose embedded text is `text`.
    func uri(forModule key: String, text: String) -> String {
        let name = String(key.dropFirst("std/".count)) + ".gen"
        for root in searchRoots {
            let file = root.appendingPathComponent("stdlib").appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: file.path) { return file.absoluteString }
        }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("gen-lsp-stdlib").appendingPathComponent(name)
        if (try? String(contentsOf: copy, encoding: .utf8)) != text {
            try? FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: copy, atomically: true, encoding: .utf8)
        }
        return copy.absoluteString
    }
}
