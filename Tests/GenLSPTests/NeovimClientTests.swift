import Foundation
import Testing
import GenTestSupport

/// A real LSP client: Neovim (Debian's, 0.7) headless attaches the built `gen lsp` to an example with a
/// deliberate error and records diagnostics, a hover, a completion and a definition. Fails, never skips,
/// when nvim or the `gen` binary is missing (scripts/setup.sh installs nvim).
@Suite struct NeovimClientTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func genBinary() throws -> URL { try BuiltProduct.url("gen") }

    static func nvim() throws -> URL {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent("nvim")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "nvim is not installed: run scripts/setup.sh (apt-get install neovim)"])
    }

    @Test func neovimShowsDiagnosticsHoverCompletionAndDefinitionFromGenLSP() throws {
        let nvim = try Self.nvim()
        let gen = try Self.genBinary()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-nvim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("examples/seeds/bank.jsonl"), to: folder.appendingPathComponent("seeds/bank.jsonl"))
        let example = try String(contentsOf: Self.root.appendingPathComponent("examples/bank_intents.gen"), encoding: .utf8)
        let broken = example.replacingOccurrences(of: "fewshot(local, k: 3, temperature: 0.8)", with: "fewshot(local, k: 3, temprature: 0.8)")
        #expect(broken != example, "the example changed: pick another deliberate error")
        let script = folder.appendingPathComponent("bank.gen")
        try broken.write(to: script, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("test.lua")
        try NeovimConfig.lua.write(to: config, atomically: true, encoding: .utf8)
        let result = folder.appendingPathComponent("result.txt")

        let process = Process()
        process.executableURL = nvim
        process.arguments = ["--headless", "-u", config.path, "-i", "NONE", script.path]
        var environment = ProcessInfo.processInfo.environment
        environment["GEN_BIN"] = gen.path
        environment["GEN_RESULT"] = result.path
        environment["XDG_STATE_HOME"] = folder.path
        environment["XDG_DATA_HOME"] = folder.path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Not a speed limit: only a hung editor must not hang the suite.
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()

        let lines = try String(contentsOf: result, encoding: .utf8).split(separator: "\n").map(String.init)
        func values(_ key: String) -> [String] {
            lines.filter { $0.hasPrefix(key + "\t") }.map { String($0.dropFirst(key.count + 1)) }
        }
        #expect(values("error") == [])
        #expect(values("attached") == ["true"])
        let scriptLines = broken.components(separatedBy: "\n")
        let line = scriptLines.firstIndex { $0.contains("temprature") } ?? -1
        let column = line < 0 ? -1 : scriptLines[line].distance(from: scriptLines[line].startIndex, to: scriptLines[line].range(of: "temprature")?.lowerBound ?? scriptLines[line].startIndex)
        #expect(values("diagnostic") == ["\(line):\(column) `fewshot` has no parameter `temprature` | hint: did you mean `temperature`?"])
        #expect(values("hover").first?.contains("arm kind") == true)
        #expect(values("completion") == ["text,label"])
        let definition = try #require(values("definition").first)
        #expect(definition.hasSuffix("stdlib/arms.gen:9") || definition.hasSuffix("arms.gen:9"), "\(definition)")
    }
}
