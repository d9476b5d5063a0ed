import Foundation
import GenPipeline
import GenRuntime
import GenCore
import GenSemantics
import GenSyntax

extension Engine {
    /// Checks a root module with its imports from `loader`, relative paths and `read_jsonl` resolved against
    /// `directory`: what `gen check` prints and `gen lsp` publishes. `requiresCompletePipeline` is false for a
    /// library module (only `import`, `let`, `fn`, `model`, `schema`), which need not declare a spec, arms and so on.
    public func check(
        root: ModuleText, directory: URL, loader: any ModuleLoader, requiresCompletePipeline: Bool
    ) -> (compilation: Compilation, constants: [String: IRConstant]) {
        let reads = EnvironmentReadLog()
        var environment = checkEnvironment(scriptDirectory: directory, reads: reads)
        environment.requiresCompletePipeline = requiresCompletePipeline
        let result = SemanticChecker.check(root: root, loader: loader, environment: environment)
        return (finished(graph: result.graph, diagnostics: result.diagnostics, files: result.files, reads: reads), result.constants)
    }
}

extension Program {
    /// True when the file declares none of the pipeline parts (`spec`, `arm`, `router`, `quality`, `reward`, `evaluate`, `expect`).
    public var isLibraryModule: Bool {
        declarations.allSatisfy { declaration in
            switch declaration {
            case .import, .let, .fn, .model, .schema: true
            case .spec, .arm, .router, .quality, .reward, .evaluate, .expect: false
            }
        }
    }
}
