import Foundation
import GenCore
import GenPipeline
import Testing
@testable import GenSemantics

@Suite struct ExampleTests {
    static let examples = Paths.files(in: Paths.examples, ending: ".gen")

    static func compile(_ name: String) -> (PipelineGraph?, [Diagnostic], [SourceFile]) {
        let path = Paths.examples.appendingPathComponent(name).path
        return Compiler.compile(path: path, environment: testEnvironment(directory: Paths.examples))
    }

    static func graph(_ name: String) -> PipelineGraph? { compile(name).0 }

    @Test func thereAreExamples() {
        #expect(Self.examples.count >= 5)
    }

    @Test(arguments: examples)
    func exampleChecksCleanlyAndLowers(name: String) throws {
        let (graph, diagnostics, files) = Self.compile(name)
        #expect(diagnostics.isEmpty, "\(name):\n\(DiagnosticRenderer.render(diagnostics, files: files))")
        let lowered = try #require(graph)
        #expect(!lowered.arms.isEmpty)
        #expect(lowered.spec.count > 0)
    }

    @Test(arguments: examples)
    func irJSONRoundTrips(name: String) throws {
        let graph = try #require(Self.graph(name))
        let json = try GraphRendering.json(graph)
        let decoded = try JSONDecoder().decode(PipelineGraph.self, from: Data(json.utf8))
        // JSON has one number type: a whole float (`top_p`'s default 1.0) comes back as the int 1, which every
        // reader of a parameter accepts as a number. Everything else must survive, so the JSON form is stable.
        #expect(try GraphRendering.json(decoded) == json, "JSON form is stable")
        #expect(decoded.arms.map(\.name) == graph.arms.map(\.name) && decoded.quality.count == graph.quality.count)
    }

    @Test(arguments: examples)
    func dotIsValid(name: String) throws {
        let graph = try #require(Self.graph(name))
        let dot = GraphRendering.dot(graph)
        #expect(DotValidator.validate(dot) == nil, "\(DotValidator.validate(dot)?.message ?? "")\n\(dot)")
        for arm in graph.arms { #expect(dot.contains("\"arm:\(arm.name)\"")) }
    }

    @Test(arguments: examples)
    func textOutlineNamesEveryStage(name: String) throws {
        let graph = try #require(Self.graph(name))
        let text = GraphRendering.text(graph)
        #expect(text.contains("router \(graph.router.policy)"))
        for stage in graph.quality { #expect(text.contains("\"\(stage.name)\"")) }
    }

    @Test func modelsRememberTheVariableTheirURLComesFrom() throws {
        let graph = try #require(Self.graph("movie_sentiment.gen"))
        let variables = Dictionary(uniqueKeysWithValues: graph.models.map { ($0.name, $0.baseURLVariable) })
        #expect(variables == ["local": "GEN_LLM_URL", "embedder": "GEN_EMBED_URL"])
        let literal = checkText(validScript).graph?.models.map(\.baseURLVariable)
        #expect(literal == [nil])
    }

    @Test func standardModulesCheckCleanly() {
        let script = validScript.replacingOccurrences(of: "gen 0.1\n", with: "gen 0.1\nimport \"std/arms\"\nimport \"std/quality\"\nimport \"std/rewards\"\n")
        let result = checkText(script)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer.render(result.diagnostics, files: result.files))")
        #expect(result.files.count == 4)
    }
}
