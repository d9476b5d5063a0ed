import Foundation
import GenCore
import GenEngine
import GenPipeline
@testable import GenSemantics

/// Paths and helpers shared by the GenSemantics tests.
enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples")
    static let stdlib = repository.appendingPathComponent("stdlib")

    static func files(in directory: URL, ending suffix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }
}

/// The standard capabilities' environment with no process variables (so checks are reproducible), reading
/// JSONL under `directory`: the checker is tested against exactly what the engine runs.
func testEnvironment(directory: URL = Paths.fixtures, variables: [String: String] = [:]) -> CheckEnvironment {
    Engine(variables: variables).checkEnvironment(scriptDirectory: directory)
}

/// Checks `text` as `test.gen`; `//> file: NAME` lines start further in-memory files the script may import.
func checkText(_ text: String, environment: CheckEnvironment = testEnvironment()) -> CheckResult {
    var files: [String: String] = [:]
    var current = "test.gen"
    var lines: [String] = []
    for line in text.components(separatedBy: "\n") {
        if line.hasPrefix("//> file: ") {
            files[current] = lines.joined(separator: "\n") + "\n"
            current = String(line.dropFirst("//> file: ".count))
            lines = []
        } else {
            lines.append(line)
        }
    }
    files[current] = lines.joined(separator: "\n")
    let root = ModuleText(key: "test.gen", displayPath: "test.gen", text: files["test.gen"] ?? "")
    return SemanticChecker.check(root: root, loader: InMemoryModuleLoader(files: files), environment: environment)
}

/// The rendered diagnostics of checking `text`, without trailing newlines.
func renderedDiagnostics(_ text: String) -> String {
    let result = checkText(text)
    var rendered = DiagnosticRenderer.render(result.diagnostics, files: result.files)
    while rendered.hasSuffix("\n") { rendered.removeLast() }
    return rendered
}

/// A small valid script the error cases vary.
let validScript = """
gen 0.1
model local = openai(base_url: "http://127.0.0.1:8080/v1", model: "smollm2")
schema Intent {
  text: string(min: 12, max: 240)
  label: enum("lost_card", "transfer_failed")
}
spec bank {
  domain: "bank chat"
  output: Intent
  count: 10
}
arm steady = naive(local, temperature: 0.7)
router epsilon_greedy(epsilon: 0.3)
quality {
  rule "short" len(sample.text) < 200
  score "fits" entails(sample.text, "The customer wants: \\(sample.label)", using: local) weight 0.5
}
reward = passed * (0.6 * quality + 0.4 * novelty)
"""
