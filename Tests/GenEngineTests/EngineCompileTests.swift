import Foundation
import Testing
import GenCore
import GenPipeline
import GenRuntime
import GenSemantics
@testable import GenEngine

enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func examples() -> [String] {
        let directory = root.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".gen") }.sorted().map { directory.appendingPathComponent($0).path }
    }
}

@Suite struct EngineCompileTests {
    @Test(arguments: Paths.examples())
    func everyExampleCompilesWithTheRealInterpreter(path: String) throws {
        let compilation = Engine().compile(path: path)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.rendered())")
        let graph = try #require(compilation.graph)
        #expect(!graph.arms.isEmpty)
    }

    /// The files a script reads are its run's provenance: the graph keeps each path with its size and SHA-256.
    @Test func theFilesAScriptReadsAreKeptWithTheirHashes() throws {
        let graph = try #require(Engine().compile(path: Paths.root.appendingPathComponent("examples/bank_intents.gen").path).graph)
        let seeds = try Data(contentsOf: Paths.root.appendingPathComponent("examples/seeds/bank.jsonl"))
        let files = try #require(graph.dataFiles)
        #expect(files.first == DataFileUse(path: "seeds/bank.jsonl", bytes: seeds.count, sha256: SHA256.hex(seeds)))
        #expect(Set(files.map(\.path)).count == files.count, "each file once")
        let none = try #require(Engine().compile(path: Paths.root.appendingPathComponent("examples/product_listings.gen").path).graph)
        #expect(none.dataFiles == nil, "a script that reads no file records none")
    }

    @Test func thereAreExamplesToCheck() {
        #expect(Paths.examples().count >= 4)
    }

    @Test func compileTimeValuesUseTheEngineVariables() throws {
        var engine = Engine()
        engine.variables = ["GEN_LLM_URL": "http://example.invalid:9999/v1"]
        let graph = try #require(engine.compile(path: Paths.root.appendingPathComponent("examples/sms_spam.gen").path).graph)
        #expect(graph.models.first?.baseURL == "http://example.invalid:9999/v1")
        #expect(graph.evaluation?.test.count == 300)
    }
}

@Suite struct JudgeDefaultsTests {
    @Test func judgeWithoutARubricUsesTheSpecsAndTakesExtend() throws {
        let script = """
        gen 0.1
        model local = openai(base_url: "http://127.0.0.1:8080/v1", model: "smollm2")
        schema Q {
          text: string
        }
        spec qs {
          domain: "Questions about tea"
          output: Q
          count: 5
        }
        arm a = naive(local)
        router ucb1()
        quality {
          score "fits the spec" judge(sample, using: local) weight 1
          score "and is polite" judge(sample, rubric: ["It is polite"], extend: true, using: local) weight 1
        }
        reward = passed * quality
        """
        let compilation = Engine(variables: [:]).compile(source: script, path: "qs.gen", directory: Paths.root)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.rendered())")
        let checks = try #require(compilation.graph).quality.flatMap(\.modelChecks)
        #expect(checks.map(\.check) == ["judge", "judge"])
        #expect(checks.allSatisfy { $0.model == "local" && $0.arguments.count == 3 })
    }
}
