import Foundation
import GenCore
import GenEngine
import GenSemantics
import GenSyntax

/// The checker `gen check` uses: GenEngine's whole check (imports, names, block schemas, types, lowering),
/// with relative imports and data paths resolved against the script's directory.
///
/// A library module (a file with only `import`, `let`, `fn`, `model` and `schema` declarations, like the files in
/// stdlib/) is checked like a script except that it need not declare a `spec`, `arm`, `router` or `reward`.
public func engineChecker(_ engine: Engine = Engine()) -> ScriptChecker {
    { source in
        let directory = URL(fileURLWithPath: source.path).deletingLastPathComponent().standardizedFileURL
        // The root's key is its name within its directory, the project root: keyed by the path as typed
        // (`dir/main.gen`), a relative import was joined onto the root twice and not found.
        let root = ModuleText(key: URL(fileURLWithPath: source.path).lastPathComponent, displayPath: source.path, text: source.text)
        let checked = engine.check(
            root: root, directory: directory, loader: FileModuleLoader(projectRoot: directory),
            requiresCompletePipeline: !Parser.parse(source).program.isLibraryModule)
        return CheckedScript(diagnostics: checked.compilation.diagnostics, files: checked.compilation.files)
    }
}
