import Foundation
import GenCore
import GenGeneration
import GenPipeline
import GenRouter
import GenRuntime
import GenSemantics

/// The one entry point hosts, the CLI, the REPL and tests use: check and compile scripts, evaluate
/// expressions, and (in `Engine+Run`) run them.
///
/// The function registry is shared by the checker (signatures) and the interpreter (implementations),
/// so a host function registered here is type-checked in scripts and callable at run time.
public struct Engine: Sendable {
    public private(set) var functions: FunctionRegistry
    public var arms: ArmRegistry
    public var policies: PolicyRegistry
    /// Environment variables scripts may read through `env(...)`.
    public var variables: [String: String]
    /// Refuse scripts written for another language version (`--no-version-check` turns this off).
    public var checksVersion = true

    public init(
        functions: FunctionRegistry = .standard, arms: ArmRegistry = .standard, policies: PolicyRegistry = .standard,
        variables: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.functions = functions
        self.arms = arms
        self.policies = policies
        self.variables = variables
    }

    /// Registers a host function: scripts can call it, and the checker knows its parameter and result types.
    public mutating func register(
        _ signature: FunctionSignature,
        implementation: @escaping FunctionRegistry.Implementation
    ) {
        functions.register(signature: signature, implementation: implementation)
    }

    /// What the checker may refer to, for a script in `directory` (the root `read_jsonl` may not leave).
    public func checkEnvironment(scriptDirectory directory: URL) -> CheckEnvironment {
        let path = directory.standardizedFileURL.path
        let environment = FileScriptEnvironment(scriptDirectory: path, projectRoot: path, variables: variables)
        let evaluator: any ConstantEvaluator
        if let interpreter = try? Interpreter(registry: functions, environment: environment) {
            evaluator = InterpreterConstantEvaluator(interpreter: interpreter)
        } else {
            evaluator = BasicConstantEvaluator(variables: variables, baseDirectory: directory)
        }
        var check = CheckEnvironment.standard(constantEvaluator: evaluator)
        check.functions = functions.signatures.keys.sorted().flatMap { functions.signatures[$0] ?? [] }
        check.armKinds = arms.specs
        check.routerPolicies = RouterKindSpecs.specs(policies)
        check.checksVersion = checksVersion
        return check
    }

    /// Checks and lowers the script at `path` with its imports.
    public func compile(path: String) -> Compilation {
        let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        let result = Compiler.compile(path: path, environment: checkEnvironment(scriptDirectory: directory))
        return Compilation(graph: result.graph, diagnostics: result.diagnostics, files: result.files)
    }

    /// Checks and lowers script text (the REPL, hosts that keep scripts in memory). Relative imports and
    /// `read_jsonl` resolve against `directory`.
    public func compile(source: String, path: String = "<input>", directory: URL) -> Compilation {
        let root = ModuleText(key: path, displayPath: path, text: source)
        let loader = FileModuleLoader(projectRoot: directory.standardizedFileURL)
        let result = SemanticChecker.check(root: root, loader: loader, environment: checkEnvironment(scriptDirectory: directory))
        return Compilation(graph: result.graph, diagnostics: result.diagnostics, files: result.files)
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
