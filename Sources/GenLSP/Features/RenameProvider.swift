import Foundation
import GenCore
import GenSyntax

/// `textDocument/prepareRename` and `textDocument/rename` of a `let`, `fn`, `schema`, `model` or `arm` name
/// across the workspace: the declaring file and every workspace file that imports it.
struct RenameProvider {
    let catalog: CapabilityCatalog

    /// The declaration under the cursor that may be renamed, or why not.
    func renameTarget(_ analysis: DocumentAnalysis, at position: LSPPosition) throws(ResponseError) -> (word: Span, module: IndexedModule, symbol: DeclaredSymbol) {
        let context = CursorContext(program: analysis.program, offset: analysis.positions.offset(of: position))
        guard let word = context.word else { throw .requestFailed("no name here to rename") }
        if catalog.isReserved(word.text), analysis.target(of: context) == nil {
            throw .requestFailed("`\(word.text)` is a keyword or builtin and cannot be renamed")
        }
        guard let (module, symbol) = analysis.target(of: context) else { throw .requestFailed("`\(word.text)` is not a declared name") }
        guard module.uri.flatMap(FileURI.path(of:)) != nil, !module.key.hasPrefix("std/") else {
            throw .requestFailed("`\(word.text)` is declared in the standard library (`\(module.key)`) and cannot be renamed")
        }
        guard symbol.kind != .spec else { throw .requestFailed("the spec's name is not referred to; edit it in place") }
        return (word.span, module, symbol)
    }

    func prepare(_ analysis: DocumentAnalysis, at position: LSPPosition) throws(ResponseError) -> JSONValue {
        let target = try renameTarget(analysis, at: position)
        return .object(["range": analysis.positions.range(of: target.word).json, "placeholder": .string(target.symbol.name)])
    }

    /// `files`: every workspace file's text by absolute path (open documents' text over the disk's).
    func rename(_ analysis: DocumentAnalysis, at position: LSPPosition, to newName: String, files: [String: String]) throws(ResponseError) -> JSONValue {
        let target = try renameTarget(analysis, at: position)
        guard Self.isIdentifier(newName), !catalog.isReserved(newName) else {
            throw .requestFailed("`\(newName)` is not a name a declaration can have (a keyword, a builtin, or not an identifier)")
        }
        guard let declaringPath = target.module.uri.flatMap(FileURI.path(of:)) else { throw .requestFailed("the declaring file has no path") }
        var changes: [String: JSONValue] = [:]
        var allFiles = files
        if allFiles[declaringPath] == nil { allFiles[declaringPath] = target.module.source.text }
        for (path, text) in allFiles.sorted(by: { $0.key < $1.key }) {
            let program = Parser.parse(SourceFile(path: path, text: text)).program
            var spans: [Span] = []
            if path == declaringPath {
                spans = NameReferences.spans(of: target.symbol.name, in: program, alias: nil)
            } else if target.symbol.kind.isExported {
                for declaration in program.imports where Self.resolves(declaration.path, from: path, to: declaringPath) {
                    spans += NameReferences.spans(of: target.symbol.name, in: program, alias: declaration.alias?.name)
                }
            }
            guard !spans.isEmpty else { continue }
            let positions = PositionMap(program.source)
            changes[FileURI.uri(ofPath: path)] = .array(spans.map { .object(["range": positions.range(of: $0).json, "newText": .string(newName)]) })
        }
        return .object(["changes": .object(changes)])
    }

    private static func resolves(_ importPath: String, from file: String, to target: String) -> Bool {
        guard !importPath.hasPrefix("std/") else { return false }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(importPath).standardizedFileURL.path == target
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
