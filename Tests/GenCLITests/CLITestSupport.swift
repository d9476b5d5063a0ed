import Foundation
import GenCLI

/// The package root, found from this file's path (Tests/GenCLITests/CLITestSupport.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What one run of the `gen` tool produced.
struct ToolRun {
    let code: Int32
    let out: String
    let err: String
}

/// Runs `gen ARGS` in-process with captured output and the given standard input.
func gen(_ arguments: [String], input: String = "", checker: ScriptChecker? = nil) async -> ToolRun {
    let console = CapturingConsole(input: input)
    let tool = checker.map { GenTool.make(checker: $0) } ?? GenTool.make()
    let code = await tool.run(arguments, console: console)
    return ToolRun(code: code, out: console.stdoutText, err: console.stderrText)
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gen-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let fileURL = url.appendingPathComponent(name)
        try text.write(to: fileURL, atomically: true, encoding: .utf8)
        return fileURL.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}
