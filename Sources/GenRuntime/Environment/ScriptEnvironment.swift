import GenCore
import GenPipeline
/// The only effects a script has: reading environment variables and reading files of its own project.
///
/// Injected into the interpreter so evaluation stays hermetic: tests pass a dictionary and a temp directory,
/// production passes the process environment and the script's directory.
public protocol ScriptEnvironment: Sendable {
    /// The value of an environment variable, or nil when it is not set.
    func variable(named name: String) -> String?

    /// `env(name)` or `public_env(name)` at `source`: the value, recorded when the environment keeps a log.
    func read(variable name: String, isPublic: Bool, at source: SourceRef) -> String?

    /// The text of a file named relative to the script's directory. Implementations refuse paths that resolve
    /// (through `..` or symlinks) outside the project root, naming the path and the root.
    func readText(at path: String) throws(RuntimeProblem) -> String
}

extension ScriptEnvironment {
    public func read(variable name: String, isPublic: Bool, at source: SourceRef) -> String? { variable(named: name) }
}

/// No variables and no files: for evaluating expressions that must not depend on the machine (REPL
/// previews, tests, the checker's constant folding when it has no script location).
public struct HermeticEnvironment: ScriptEnvironment {
    public init() {}

    public func variable(named name: String) -> String? { nil }

    public func readText(at path: String) throws(RuntimeProblem) -> String {
        throw RuntimeProblem(
            .fileAccess, "cannot read \(GenStringLiteral.quote(path)): this evaluation has no file access",
            hint: "files can be read only by scripts run from a file, relative to the script")
    }
}
