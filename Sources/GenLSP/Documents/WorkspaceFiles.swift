import Foundation

/// The `.gen` files of the workspace folder, for rename: open documents' text over what is on disk.
enum WorkspaceFiles {
    /// Enough for any project; a home directory opened as a workspace is not walked to the end.
    static let limit = 5_000

    static func texts(root: URL?, open: [String: String]) -> [String: String] {
        var texts: [String: String] = [:]
        if let root, let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles, .skipsPackageDescendants]) {
            for case let url as URL in walker {
                // Build folders and run directories hold no scripts worth renaming in.
                if url.lastPathComponent == ".build" || url.lastPathComponent == "node_modules" {
                    walker.skipDescendants()
                    continue
                }
                guard url.pathExtension == "gen" else { continue }
                if let data = FileManager.default.contents(atPath: url.path) {
                    texts[url.standardizedFileURL.path] = String(decoding: data, as: UTF8.self)
                }
                if texts.count >= limit { break }
            }
        }
        texts.merge(open) { _, editor in editor }
        return texts
    }
}
