import Foundation
import GenCore
import GenPipeline
import GenRuntime
import GenSemantics

/// The one entry point hosts, the CLI, the REPL and tests use: check and compile scripts, evaluate
/// expressions, and (in `Engine+Run`) run them.
///
/// `capabilities` is the single source of what scripts may use: the checker's environment is derived from it and
/// the run builds its functions, arms, router and quality checks from it, so a host that registers something
/// here gets it checked by `gen check` and executed by `gen run` alike.
public struct Engine: Sendable {
    public var capabilities: Capabilities
    /// Environment variables scripts may read through `env(...)`.
    public var variables: [String: String]
    /// Refuse scripts written for another language version.
    public var checksVersion = true

    public init(capabilities: Capabilities = .standard, variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.capabilities = capabilities
        self.variables = variables
    }

    /// The function registry the checker and the interpreter share.
    public var functions: FunctionRegistry { capabilities.functions }

    /// Registers a host function: scripts can call it, and the checker knows its parameter and result types.
    public mutating func register(_ signature: FunctionSignature, implementation: @escaping FunctionRegistry.Implementation) {
        capabilities.register(signature, implementation: implementation)
    }

    /// What scripts in `directory` may touch: files under it (`read_jsonl`) and the engine's variables (`env`).
    func scriptEnvironment(directory: URL, reads: EnvironmentReadLog = EnvironmentReadLog()) -> FileScriptEnvironment {
        let path = directory.standardizedFileURL.path
        return FileScriptEnvironment(scriptDirectory: path, projectRoot: path, variables: variables, reads: reads)
    }

    /// What the checker may refer to, for a script in `directory` (the root `read_jsonl` may not leave).
    /// `reads` collects the variables the check reads, for `finished(graph:diagnostics:files:reads:)`.
    public func checkEnvironment(scriptDirectory directory: URL, reads: EnvironmentReadLog = EnvironmentReadLog()) -> CheckEnvironment {
        capabilities.checkEnvironment(environment: scriptEnvironment(directory: directory, reads: reads), checksVersion: checksVersion)
    }

    /// Checks and lowers the script at `path` with its imports.
    public func compile(path: String) -> Compilation {
        let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        let reads = EnvironmentReadLog()
        let result = Compiler.compile(path: path, environment: checkEnvironment(scriptDirectory: directory, reads: reads))
        return finished(graph: result.graph, diagnostics: result.diagnostics, files: result.files, reads: reads)
    }

    /// Checks and lowers script text (the REPL, hosts that keep scripts in memory). Relative imports and
    /// `read_jsonl` resolve against `directory`.
    public func compile(source: String, path: String = "<input>", directory: URL) -> Compilation {
        let root = ModuleText(key: path, displayPath: path, text: source)
        let loader = FileModuleLoader(projectRoot: directory.standardizedFileURL)
        let reads = EnvironmentReadLog()
        let result = SemanticChecker.check(root: root, loader: loader, environment: checkEnvironment(scriptDirectory: directory, reads: reads))
        return finished(graph: result.graph, diagnostics: result.diagnostics, files: result.files, reads: reads)
    }
}

/// A checked script: the graph when there were no errors, every diagnostic, and the files to render them.
public struct Compilation: Sendable {
    public var graph: PipelineGraph?
    public var diagnostics: [Diagnostic]
    public var files: [SourceFile]

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The diagnostics rendered as `gen check` prints them.
    public func rendered(colour: Bool = false) -> String {
        DiagnosticRenderer.render(diagnostics, files: files, colour: colour)
    }
}
