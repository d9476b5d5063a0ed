import Foundation
import GenCore
import GenEngine
import GenRuntime
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
        let reads = EnvironmentReadLog()
        var environment = engine.checkEnvironment(scriptDirectory: directory, reads: reads)
        environment.requiresCompletePipeline = !isLibraryModule(source)
        // The root's key is its name within its directory, the project root: keyed by the path as typed
        // (`dir/main.gen`), a relative import was joined onto the root twice and not found.
        let root = ModuleText(key: URL(fileURLWithPath: source.path).lastPathComponent, displayPath: source.path, text: source.text)
        let result = SemanticChecker.check(root: root, loader: FileModuleLoader(projectRoot: directory), environment: environment)
        let compilation = engine.finished(graph: result.graph, diagnostics: result.diagnostics, files: result.files, reads: reads)
        return CheckedScript(diagnostics: compilation.diagnostics, files: compilation.files)
    }
}

/// True when the file declares none of the pipeline parts (`spec`, `arm`, `router`, `quality`, `reward`, `evaluate`, `expect`).
func isLibraryModule(_ source: SourceFile) -> Bool {
    Parser.parse(source).program.declarations.allSatisfy { declaration in
        switch declaration {
        case .import, .let, .fn, .model, .schema: true
        case .spec, .arm, .router, .quality, .reward, .evaluate, .expect: false
        }
    }
}
