import Foundation
import GenCore
import GenStdlib

/// The text of one module and where it lives.
public struct ModuleText: Sendable, Equatable {
    /// Identity: `std/arms` for standard modules, else the path relative to the project root (`shared/rules.gen`).
    public var key: String
    /// The path shown in diagnostics (`examples/shared/rules.gen`, `std/arms.gen`).
    public var displayPath: String
    public var text: String

    public init(key: String, displayPath: String, text: String) {
        self.key = key
        self.displayPath = displayPath
        self.text = text
    }

    public var isStandard: Bool { key.hasPrefix("std/") }
}

/// Why an import could not be loaded.
public enum ModuleLoadError: Error, Equatable {
    case notFound(reason: String)
    case outsideProject
    case unknownStandardModule(suggestion: String?, available: [String])
}

/// Resolves `import` paths: `std/NAME` to the embedded standard library, `./x.gen` and `../x.gen` relative to the
/// importing file, never outside the project root (the root script's directory).
public protocol ModuleLoader: Sendable {
    func load(_ importPath: String, from importer: ModuleText) throws(ModuleLoadError) -> ModuleText
}

/// Path rules shared by every loader; subclasses of behaviour only differ in where file text comes from.
enum ImportPath {
    /// The project-relative key for `path` imported from `importer`, or the error.
    static func resolve(_ path: String, from importer: ModuleText, stdlib: [String: String]) throws(ModuleLoadError) -> ModuleText? {
        if path.hasPrefix("std/") {
            guard let text = stdlib[path] else {
                throw .unknownStandardModule(suggestion: suggest(path, candidates: stdlib.keys.sorted()), available: stdlib.keys.sorted())
            }
            return ModuleText(key: path, displayPath: path + ".gen", text: text)
        }
        guard path.hasPrefix("./") || path.hasPrefix("../") else {
            throw .notFound(reason: "write \"./\(path)\" for a file next to the script, or \"std/NAME\" for a standard module")
        }
        guard !importer.isStandard else { throw .notFound(reason: "a standard module imports standard modules only") }
        return nil
    }

    /// `a/b/../c.gen` -> `a/c.gen`; nil when the path climbs above its start.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The key and display path of a relative import.
    static func relative(_ path: String, from importer: ModuleText) throws(ModuleLoadError) -> (key: String, display: String) {
        let base = directory(of: importer.key)
        guard let key = normalize(base.isEmpty ? path : base + "/" + path) else { throw .outsideProject }
        let displayBase = directory(of: importer.displayPath)
        // An absolute display path stays absolute (`/tmp/p/lib.gen`, not `tmp/p/lib.gen`).
        let absolute = importer.displayPath.hasPrefix("/") ? "/" : ""
        let display = normalize(displayBase.isEmpty ? path : displayBase + "/" + path).map { absolute + $0 } ?? key
        return (key, display)
    }
}

/// Loads imports from the file system under `projectRoot` and standard modules from the embedded copy.
public struct FileModuleLoader: ModuleLoader {
    public let projectRoot: URL
    public let stdlib: [String: String]

    public init(projectRoot: URL, stdlib: [String: String] = EmbeddedStdlib.modules) {
        self.projectRoot = projectRoot.standardizedFileURL
        self.stdlib = stdlib
    }

    public func load(_ importPath: String, from importer: ModuleText) throws(ModuleLoadError) -> ModuleText {
        if let module = try ImportPath.resolve(importPath, from: importer, stdlib: stdlib) { return module }
        let (key, display) = try ImportPath.relative(importPath, from: importer)
        // The same confinement as `read_jsonl`: lexically, then after every symlink is resolved.
        let resolved: String
        do {
            resolved = try ConfinedPath.resolve(key, from: projectRoot.path, within: projectRoot.path)
        } catch {
            if case .outside = error { throw .outsideProject }
            throw .notFound(reason: "no such file")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else { throw .notFound(reason: "no such file") }
        return ModuleText(key: key, displayPath: display, text: String(decoding: data, as: UTF8.self))
    }
}

/// Loads imports from a dictionary of project-relative paths (tests, the REPL, embedded scripts).
public struct InMemoryModuleLoader: ModuleLoader {
    public let files: [String: String]
    public let stdlib: [String: String]

    public init(files: [String: String], stdlib: [String: String] = EmbeddedStdlib.modules) {
        self.files = files
        self.stdlib = stdlib
    }

    public func load(_ importPath: String, from importer: ModuleText) throws(ModuleLoadError) -> ModuleText {
        if let module = try ImportPath.resolve(importPath, from: importer, stdlib: stdlib) { return module }
        let (key, display) = try ImportPath.relative(importPath, from: importer)
        guard let text = files[key] else { throw .notFound(reason: "no such file") }
        return ModuleText(key: key, displayPath: display, text: text)
    }
}
