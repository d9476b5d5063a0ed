import Foundation
import GenSemantics

/// Loads imports as the editor sees them: an open document's unsaved text wins over the file on disk.
struct WorkspaceModuleLoader: ModuleLoader {
    let disk: FileModuleLoader
    /// Open documents by absolute path.
    let openTexts: [String: String]

    func load(_ importPath: String, from importer: ModuleText) throws(ModuleLoadError) -> ModuleText {
        if !importPath.hasPrefix("std/"), !importer.isStandard {
            let path = disk.projectRoot.appendingPathComponent(importer.key).deletingLastPathComponent()
                .appendingPathComponent(importPath).standardizedFileURL.path
            if let text = openTexts[path], path.hasPrefix(disk.projectRoot.path + "/") {
                var module = try disk.loadIgnoringMissing(importPath, from: importer, path: path)
                module.text = text
                return module
            }
        }
        return try disk.load(importPath, from: importer)
    }
}

extension FileModuleLoader {
    /// The key and display path `load` would give `importPath`, for a file that may exist only in the editor.
    func loadIgnoringMissing(_ importPath: String, from importer: ModuleText, path: String) throws(ModuleLoadError) -> ModuleText {
        if let module = try? load(importPath, from: importer) { return module }
        let key = String(path.dropFirst(projectRoot.path.count + 1))
        return ModuleText(key: key, displayPath: path, text: "")
    }
}
