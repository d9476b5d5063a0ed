import GenCore
import GenSyntax

/// One parsed module of the program: the root script or an import.
struct Module {
    let index: Int
    let text: ModuleText
    let source: SourceFile
    let program: Program
    /// Each import of this module and the module it loaded (nil when loading failed).
    var imports: [(decl: ImportDecl, module: Int?)] = []

    var isRoot: Bool { index == 0 }
}

/// Loads the root and, depth first, every module it imports; reports load errors and cycles with both spans.
struct ModuleGraphLoader {
    let loader: any ModuleLoader
    var modules: [Module] = []
    var diagnostics: [Diagnostic] = []
    private var indexByKey: [String: Int] = [:]
    /// Modules being loaded, with the import each is following now (to report cycles).
    private var stack: [(module: Int, following: ImportDecl?)] = []

    init(loader: any ModuleLoader) {
        self.loader = loader
    }

    mutating func load(root: ModuleText) {
        _ = add(root)
    }

    private mutating func add(_ text: ModuleText) -> Int {
        let index = modules.count
        let source = SourceFile(id: FileID(UInt32(index)), path: text.displayPath, text: text.text)
        let (program, syntax) = Parser.parse(source)
        modules.append(Module(index: index, text: text, source: source, program: program))
        indexByKey[text.key] = index
        diagnostics += syntax
        stack.append((index, nil))
        for decl in program.imports {
            stack[stack.count - 1].following = decl
            let target = follow(decl, from: index)
            modules[index].imports.append((decl, target))
        }
        stack.removeLast()
        return index
    }

    /// Imports nest at most this deep: loading is depth first, a few stack frames a level, and a chain of a few
    /// thousand modules overflowed the stack (SIGSEGV).
    static let maxImportDepth = 128

    private mutating func follow(_ decl: ImportDecl, from importer: Int) -> Int? {
        guard stack.count < Self.maxImportDepth else {
            diagnostics.append(Diagnostic(Messages.importsTooDeep(Self.maxImportDepth), at: decl.span))
            return nil
        }
        let loaded: ModuleText
        do {
            loaded = try loader.load(decl.path, from: modules[importer].text)
        } catch {
            diagnostics.append(Self.diagnostic(for: error, decl))
            return nil
        }
        if let existing = indexByKey[loaded.key] {
            if let position = stack.firstIndex(where: { $0.module == existing }) {
                reportCycle(decl, importer: importer, target: existing, opening: stack[position].following)
                return nil
            }
            return existing
        }
        return add(loaded)
    }

    private mutating func reportCycle(_ decl: ImportDecl, importer: Int, target: Int, opening: ImportDecl?) {
        let targetPath = modules[target].text.displayPath
        var secondary: [DiagnosticLabel] = []
        if let opening, opening.pathSpan != decl.pathSpan {
            secondary.append(DiagnosticLabel("`\(targetPath)` imports \"\(opening.path)\" here", at: opening.pathSpan))
        }
        diagnostics.append(Diagnostic(
            Messages.importCycle(targetPath), at: decl.pathSpan,
            label: "`\(modules[importer].text.displayPath)` imports `\(targetPath)`", secondary: secondary))
    }

    static func diagnostic(for error: ModuleLoadError, _ decl: ImportDecl) -> Diagnostic {
        switch error {
        case .notFound(let reason):
            return Diagnostic(Messages.importNotFound(decl.path, reason), at: decl.pathSpan)
        case .outsideProject:
            return Diagnostic(Messages.importOutsideProject(decl.path), at: decl.pathSpan)
        case .unknownStandardModule(let suggestion, let available):
            return Diagnostic(
                Messages.unknownStdModule(decl.path), at: decl.pathSpan,
                hint: suggestion.map { "did you mean \"\($0)\"?" } ?? "standard modules: " + available.joined(separator: ", "))
        }
    }
}
