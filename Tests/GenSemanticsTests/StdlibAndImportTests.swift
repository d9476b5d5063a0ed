import Foundation
import GenCore
import GenPipeline
import GenStdlib
import Testing
@testable import GenSemantics

@Suite struct StdlibAndImportTests {
    @Test func embeddedStdlibEqualsTheFiles() throws {
        let files = Paths.files(in: Paths.stdlib, ending: ".gen")
        #expect(!files.isEmpty)
        var onDisk: [String: String] = [:]
        for file in files {
            onDisk["std/" + file.dropLast(4)] = try String(contentsOf: Paths.stdlib.appendingPathComponent(file), encoding: .utf8)
        }
        #expect(EmbeddedStdlib.modules == onDisk, "run scripts/embed-stdlib.sh")
    }

    @Test func relativeAndStandardImportsResolve() throws {
        let script = validScript.replacingOccurrences(of: "gen 0.1\n", with: "gen 0.1\nimport \"./shared/rules.gen\"\nimport \"std/quality\" as q\n")
            .replacingOccurrences(of: "len(sample.text) < 200", with: "short_enough(sample.text) && q.no_urls(sample.text)")
            + "\n//> file: shared/rules.gen\ngen 0.1\nimport \"../limits.gen\"\nfn short_enough(text: string) -> bool = len(text) <= max_len\n"
            + "//> file: limits.gen\ngen 0.1\nlet max_len = 200\n"
        let result = checkText(script)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer.render(result.diagnostics, files: result.files))")
        let graph = try #require(result.graph)
        #expect(result.files.map(\.path) == ["test.gen", "shared/rules.gen", "limits.gen", "std/quality.gen"])
        #expect(graph.functions.map(\.name) == ["no_urls", "short_enough"])
        #expect(graph.constants["max_len"]?.value == .int(200))
    }

    @Test func armPresetsLowerThroughFunctions() throws {
        let script = validScript.replacingOccurrences(of: "gen 0.1\n", with: "gen 0.1\nimport \"std/arms\"\n")
            .replacingOccurrences(of: "arm steady = naive(local, temperature: 0.7)", with: "arm careful = conservative(local)")
        let graph = try #require(checkText(script).graph)
        let arm = try #require(graph.arms.first)
        #expect(arm.kind == "naive")
        #expect(arm.model == "local")
        #expect(arm.parameters["temperature"] == .double(0.3))
        #expect(arm.parameters["top_p"] == .double(0.8))
        #expect(arm.parameters["max_tokens"] == .int(256))
    }

    @Test func modelChecksAreHoisted() throws {
        let graph = try #require(checkText(validScript).graph)
        let stage = try #require(graph.quality.first { $0.kind == .score })
        guard case .score(let score, let weight, _) = stage else { Issue.record("not a score"); return }
        #expect(score.modelChecks.map(\.check) == ["entails"])
        #expect(score.modelChecks.first?.model == "local")
        #expect(score.expression.kind == .modelCheckResult(index: 0))
        #expect(weight == 0.5)
    }

    @Test func dotValidatorRejectsBrokenGraphs() {
        #expect(DotValidator.validate("digraph g {\n  \"a\" [label=\"x\"];\n  \"b\";\n  \"a\" -> \"b\";\n}\n") == nil)
        #expect(DotValidator.validate("digraph g {\n  \"a\" -> \"b\";\n}\n") != nil, "undeclared nodes")
        #expect(DotValidator.validate("digraph g {\n  \"a\" [label=\"x];\n}\n") != nil, "unterminated string")
        #expect(DotValidator.validate("digraph g {\n  \"a\"\n}\n") != nil, "missing semicolon")
        #expect(DotValidator.validate("graph g { }") != nil, "not a digraph")
        #expect(DotValidator.validate("digraph g { } extra") != nil)
    }

    @Test func sha256MatchesAKnownVector() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
