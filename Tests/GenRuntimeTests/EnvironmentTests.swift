import GenCore
import Foundation
import GenPipeline
import Testing
@testable import GenRuntime

/// A throwaway project: `root/examples` is the script directory, `outside` is a sibling of the root.
private struct TempProject {
    let top: URL
    var root: URL { top.appendingPathComponent("project") }
    var scripts: URL { root.appendingPathComponent("examples") }
    var outside: URL { top.appendingPathComponent("outside") }

    init() throws {
        top = FileManager.default.temporaryDirectory.appendingPathComponent("gen-runtime-\(UUID().uuidString)")
        let manager = FileManager.default
        for directory in [scripts.appendingPathComponent("seeds"), root.appendingPathComponent("data"), outside] {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try write("examples/seeds/bank.jsonl", "{\"text\": \"I lost my card\", \"label\": \"lost_card\"}\r\n\n{\"label\": \"check_balance\", \"text\": \"How much?\", \"n\": 2}\n")
        try write("data/ok.jsonl", "{\"a\": 1}\n")
        try write("examples/bad.jsonl", "{\"a\": 1}\n{\"a\": \n")
        try write("examples/array.jsonl", "[1, 2]\n")
        try "{\"secret\": true}\n".write(to: outside.appendingPathComponent("secret.jsonl"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(
            atPath: scripts.appendingPathComponent("link_out.jsonl").path, withDestinationPath: outside.appendingPathComponent("secret.jsonl").path)
        try manager.createSymbolicLink(atPath: scripts.appendingPathComponent("link_in.jsonl").path, withDestinationPath: "../data/ok.jsonl")
        try manager.createSymbolicLink(atPath: scripts.appendingPathComponent("escape_dir").path, withDestinationPath: outside.path)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }

    func interpreter(variables: [String: String] = [:]) throws -> Interpreter {
        try Interpreter(environment: FileScriptEnvironment(scriptDirectory: scripts.path, projectRoot: root.path, variables: variables))
    }

    func remove() { try? FileManager.default.removeItem(at: top) }
}

@Suite struct ReadJSONLTests {
    @Test func readsRowsRelativeToTheScriptSkippingBlankLines() throws {
        let project = try TempProject()
        defer { project.remove() }
        let rows = try eval(E.call("read_jsonl", E.str("seeds/bank.jsonl")), interpreter: try project.interpreter())
        #expect(rows == .list([
            .record(["label": "lost_card", "text": "I lost my card"]),
            .record(["label": "check_balance", "n": 2, "text": "How much?"]),
        ]))
    }

    @Test func dotDotAndSymlinksThatStayInsideTheProjectAreAllowed() throws {
        let project = try TempProject()
        defer { project.remove() }
        let interpreter = try project.interpreter()
        #expect(try eval(E.call("read_jsonl", E.str("../data/ok.jsonl")), interpreter: interpreter) == .list([.record(["a": 1])]))
        #expect(try eval(E.call("read_jsonl", E.str("link_in.jsonl")), interpreter: interpreter) == .list([.record(["a": 1])]))
    }

    @Test func escapingThroughDotDotIsRefusedNamingPathAndRoot() throws {
        let project = try TempProject()
        defer { project.remove() }
        let root = ConfinedPath.realPath(project.root.path) ?? project.root.path
        let error = failure(E.call("read_jsonl", E.str("../../outside/secret.jsonl"), at: E.at(9, 13)), interpreter: try project.interpreter())
        #expect(error?.kind == .fileAccess)
        #expect(error?.message == "\"../../outside/secret.jsonl\" is outside the project root \(root)")
        #expect(error?.source == E.at(9, 13))
        // Refused before looking: a path outside that does not exist gets the same answer.
        #expect(failure(E.call("read_jsonl", E.str("../../nope.jsonl")), interpreter: try project.interpreter())?.message.contains("outside the project root") == true)
    }

    @Test func escapingThroughASymlinkIsRefused() throws {
        let project = try TempProject()
        defer { project.remove() }
        let interpreter = try project.interpreter()
        let root = ConfinedPath.realPath(project.root.path) ?? project.root.path
        #expect(failure(E.call("read_jsonl", E.str("link_out.jsonl")), interpreter: interpreter)?.message == "\"link_out.jsonl\" is outside the project root \(root)")
        #expect(failure(E.call("read_jsonl", E.str("escape_dir/secret.jsonl")), interpreter: interpreter)?.kind == .fileAccess)
        let absolute = project.outside.appendingPathComponent("secret.jsonl").path
        #expect(failure(E.call("read_jsonl", E.str(absolute)), interpreter: interpreter)?.message.contains("outside the project root") == true)
    }

    @Test func missingFilesAndDirectoriesAreClearErrors() throws {
        let project = try TempProject()
        defer { project.remove() }
        let interpreter = try project.interpreter()
        #expect(failure(E.call("read_jsonl", E.str("seeds/none.jsonl")), interpreter: interpreter)?.message.hasPrefix("no such file: \"seeds/none.jsonl\"") == true)
        #expect(failure(E.call("read_jsonl", E.str("seeds")), interpreter: interpreter)?.message == "\"seeds\" is a directory, not a file")
        #expect(failure(E.call("read_jsonl", E.str("")), interpreter: interpreter)?.message == "the path is empty")
    }

    @Test func badLinesNameFileAndLine() throws {
        let project = try TempProject()
        defer { project.remove() }
        let interpreter = try project.interpreter()
        let bad = failure(E.call("read_jsonl", E.str("bad.jsonl")), interpreter: interpreter)
        #expect(bad?.kind == .invalidData)
        #expect(bad?.message == "bad.jsonl:2: not valid JSON: {\"a\": ")
        #expect(failure(E.call("read_jsonl", E.str("array.jsonl")), interpreter: interpreter)?.message == "array.jsonl:1: expected a JSON object, got an array")
    }

    @Test func hermeticEvaluationHasNoFileAccess() {
        #expect(failure(E.call("read_jsonl", E.str("x.jsonl")))?.kind == .fileAccess)
    }

    @Test func jsonLinesParserHandlesBOMAndCRLF() throws {
        let rows = try JSONLReader.records(in: "\u{FEFF}{\"a\": 1}\r\n\r\n{\"a\": 2.5}\n{\"a\": 3.0}", path: "x.jsonl")
        #expect(rows == [.record(["a": 1]), .record(["a": 2.5]), .record(["a": 3.0])])
    }
}

@Suite struct EnvTests {
    @Test func envReadsTheInjectedVariables() throws {
        let interpreter = try Interpreter(environment: FileScriptEnvironment(scriptDirectory: "/", projectRoot: "/", variables: ["GEN_LLM_URL": "http://x"]))
        #expect(try eval(E.call("env", E.str("GEN_LLM_URL"), E.str("default")), interpreter: interpreter) == .string("http://x"))
        #expect(try eval(E.call("env", E.str("GEN_LLM_URL")), interpreter: interpreter) == .string("http://x"))
        #expect(try eval(E.call("env", E.str("UNSET"), E.str("fallback")), interpreter: interpreter) == .string("fallback"))
    }

    @Test func envWithoutDefaultFailsWhenUnset() {
        let error = failure(E.call("env", E.str("GEN_NOT_SET")))
        #expect(error?.kind == .environment)
        #expect(error?.message == "the environment variable GEN_NOT_SET is not set")
        #expect(error?.hint == "set it, or give a default: env(\"GEN_NOT_SET\", \"...\")")
        #expect(failure(E.call("env", E.str("")))?.kind == .invalidArgument)
    }

    @Test func hermeticEnvironmentHasNoVariables() throws {
        #expect(try eval(E.call("env", E.str("HOME"), E.str("none"))) == .string("none"))
    }
}
