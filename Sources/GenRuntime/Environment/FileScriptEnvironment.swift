import Foundation
import GenCore

/// The real environment of a script run from a file: variables from a dictionary (the process environment by
/// default) and files under the project root, named relative to the script's directory.
public struct FileScriptEnvironment: ScriptEnvironment {
    public let scriptDirectory: String
    public let projectRoot: String
    public let variables: [String: String]
    /// Larger files are refused rather than read into memory.
    public let maxFileBytes: Int

    public init(
        scriptDirectory: String, projectRoot: String,
        variables: [String: String] = ProcessInfo.processInfo.environment, maxFileBytes: Int = 256 << 20
    ) {
        self.scriptDirectory = scriptDirectory
        self.projectRoot = projectRoot
        self.variables = variables
        self.maxFileBytes = maxFileBytes
    }

    public func variable(named name: String) -> String? { variables[name] }

    public func readText(at path: String) throws(RuntimeProblem) -> String {
        let resolved = try ConfinedPath.resolve(path, from: scriptDirectory, within: projectRoot)
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
        return text
    }
}
