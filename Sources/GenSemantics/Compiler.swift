import Foundation
import GenCore
import GenPipeline

/// Compiles a script file: reads it, checks it with its imports (relative to its directory, which is the project
/// root imports may not leave), and lowers it. What `gen check` and `gen graph` call.
public enum Compiler {
    public static func compile(path: String, environment: CheckEnvironment) -> (graph: PipelineGraph?, diagnostics: [Diagnostic], files: [SourceFile]) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let file = SourceFile(path: path, text: "")
            return (nil, [Diagnostic(Messages.importNotFound(path, "no such file"), at: file.span)], [file])
        }
        let root = ModuleText(key: url.lastPathComponent, displayPath: path, text: String(decoding: data, as: UTF8.self))
        let loader = FileModuleLoader(projectRoot: url.deletingLastPathComponent())
        let result = SemanticChecker.check(root: root, loader: loader, environment: environment)
        return (result.graph, result.diagnostics, result.files)
    }
}
