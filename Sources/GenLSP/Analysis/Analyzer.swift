import Foundation
import GenCore
import GenEngine
import GenSemantics
import GenSyntax

/// Checks documents the way `gen check` does and indexes what the requests need.
///
/// Imported modules are parsed once per text: the stdlib and unchanged imports come from the cache, so a
/// keystroke costs one check of the edited document.
final class Analyzer {
    private let engine: Engine
    private let stdlib: StdlibFiles
    private var parsedImports: [String: (text: String, program: Program)] = [:]

    init(engine: Engine, stdlib: StdlibFiles) {
        self.engine = engine
        self.stdlib = stdlib
    }

    /// `openTexts`: every open document's text by absolute path, so imports see unsaved edits.
    func analyze(_ document: TextDocument, openTexts: [String: String], fallbackDirectory: URL) -> DocumentAnalysis {
        let path = FileURI.path(of: document.uri)
        let directory = path.map { URL(fileURLWithPath: $0).deletingLastPathComponent() } ?? fallbackDirectory
        let name = path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "untitled.gen"
        let rootText = ModuleText(key: name, displayPath: path ?? name, text: document.text)
        let loader = WorkspaceModuleLoader(disk: FileModuleLoader(projectRoot: directory), openTexts: openTexts)

        let source = SourceFile(id: FileID(0), path: rootText.displayPath, text: document.text)
        let program = Parser.parse(source).program
        let checked = engine.check(
            root: rootText, directory: directory, loader: loader, requiresCompletePipeline: !program.isLibraryModule)
        let rootID = checked.compilation.files.first?.id ?? FileID(0)
        let diagnostics = checked.compilation.diagnostics.filter { $0.span.file == rootID }

        var imports: [(ImportDecl, IndexedModule?)] = []
        var importedPaths = Set<String>()
        for (index, declaration) in program.imports.enumerated() {
            guard let text = try? loader.load(declaration.path, from: rootText) else {
                imports.append((declaration, nil))
                continue
            }
            let fileURL = text.isStandard ? nil : directory.appendingPathComponent(text.key).standardizedFileURL
            if let fileURL { importedPaths.insert(fileURL.path) }
            let uri = fileURL.map { $0.absoluteString } ?? stdlib.uri(forModule: text.key, text: text.text)
            imports.append((declaration, IndexedModule(key: text.key, program: parsedImport(text, id: FileID(UInt32(index + 1))), uri: uri)))
        }
        return DocumentAnalysis(
            uri: document.uri, version: document.version, root: IndexedModule(key: name, program: program, uri: document.uri),
            imports: imports, diagnostics: diagnostics, constants: checked.constants, importedPaths: importedPaths,
            positions: PositionMap(source))
    }

    private func parsedImport(_ module: ModuleText, id: FileID) -> Program {
        if let cached = parsedImports[module.displayPath + "\u{0}" + module.key], cached.text == module.text,
           cached.program.source.id == id {
            return cached.program
        }
        let program = Parser.parse(SourceFile(id: id, path: module.displayPath, text: module.text)).program
        parsedImports[module.displayPath + "\u{0}" + module.key] = (module.text, program)
        return program
    }
}
