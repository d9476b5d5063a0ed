import Foundation
import GenCore
import GenPipeline

/// The real environment of a script run from a file: variables from a dictionary (the process environment by
/// default) and files under the project root, named relative to the script's directory.
public struct FileScriptEnvironment: ScriptEnvironment {
    public let scriptDirectory: String
    public let projectRoot: String
    public let variables: [String: String]
    /// Larger files are refused rather than read into memory.
    public let maxFileBytes: Int
    /// Every `env()` and `public_env()` read, for redaction and the run's summary.
    public let reads: EnvironmentReadLog

    public init(
        scriptDirectory: String, projectRoot: String,
        variables: [String: String] = ProcessInfo.processInfo.environment, maxFileBytes: Int = 256 << 20,
        reads: EnvironmentReadLog = EnvironmentReadLog()
    ) {
        self.reads = reads
        self.scriptDirectory = scriptDirectory
        self.projectRoot = projectRoot
        self.variables = variables
        self.maxFileBytes = maxFileBytes
    }

    public func variable(named name: String) -> String? { variables[name] }

    public func read(variable name: String, isPublic: Bool, at source: SourceRef) -> String? {
        let value = variables[name]
        reads.record(EnvironmentRead(name: name, isPublic: isPublic, source: source, value: value))
        return value
    }

    public func readText(at path: String) throws(RuntimeProblem) -> String {
        let resolved: String
        do {
            resolved = try ConfinedPath.resolve(path, from: scriptDirectory, within: projectRoot)
        } catch {
            throw Self.problem(error, path: path)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw RuntimeProblem(.fileAccess, "\(GenStringLiteral.quote(path)) is a directory, not a file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: resolved)[.size] as? Int) ?? 0
        guard size <= maxFileBytes else {
            throw RuntimeProblem(.fileAccess, "\(GenStringLiteral.quote(path)) is \(size) bytes, over the limit of \(maxFileBytes)")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw RuntimeProblem(.fileAccess, "cannot read \(GenStringLiteral.quote(path))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuntimeProblem(.invalidData, "\(GenStringLiteral.quote(path)) is not UTF-8 text")
        }
        reads.recordFile(path: path, data: data)
        return text
    }

    /// The runtime's words for a path the confinement refused.
    static func problem(_ problem: ConfinedPath.Problem, path: String) -> RuntimeProblem {
        switch problem {
        case .empty: RuntimeProblem(.fileAccess, "the path is empty")
        case .containsNUL: RuntimeProblem(.fileAccess, "the path contains a NUL character")
        case .rootMissing(let root): RuntimeProblem(.fileAccess, "the project root \(GenStringLiteral.quote(root)) does not exist")
        case .outside(_, let root):
            RuntimeProblem(.fileAccess, "\(GenStringLiteral.quote(path)) is outside the project root \(root)",
                           hint: "scripts may read only files inside their project; copy the file into it")
        case .notFound(_, let shown):
            RuntimeProblem(.fileAccess, "no such file: \(GenStringLiteral.quote(path)) (looked for \(shown) in the project root)",
                           hint: "paths are relative to the script's directory")
        }
    }
}
