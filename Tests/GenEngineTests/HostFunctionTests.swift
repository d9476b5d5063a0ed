import Foundation
import Testing
import GenCore
import GenPipeline
import GenRuntime
@testable import GenEngine

/// The embedding API from a host's point of view: a host function is registered, called from a
/// script, type-checked, and its misuse reported at the script's span.
@Suite struct HostFunctionTests {
    static func engine() -> Engine {
        var engine = Engine(variables: [:])
        engine.register(
            FunctionSignature(name: "brand_safe", parameters: [SignatureParameter(name: "text", type: .string)],
                              result: .bool, summary: "true when the text names no competitor")
        ) { arguments, _ in
            guard case .string(let text) = arguments.first else { return .bool(false) }
            return .bool(!text.lowercased().contains("acme"))
        }
        return engine
    }

    static let script = """
    gen 0.1
    model local = openai(base_url: "http://127.0.0.1:8080/v1", model: "smollm2")
    schema Ad {
      text: string(min: 5)
    }
    spec ads {
      domain: "Short ads"
      output: Ad
      count: 10
    }
    arm a = naive(local)
    router ucb1()
    quality {
      rule "brand safe" brand_safe(sample.text)
    }
    reward = passed
    """

    @Test func aRegisteredFunctionTypeChecksAndRuns() throws {
        let engine = Self.engine()
        let compilation = engine.compile(source: Self.script, path: "ads.gen", directory: Paths.root)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.rendered())")
        let graph = try #require(compilation.graph)
        let rule = try #require(graph.quality.first?.expressionStage?.expression)
        let interpreter = try Interpreter(graph: graph, registry: engine.functions)
        let compiled = try interpreter.compile(rule, bindings: ["sample"], context: "rule")
        #expect(try interpreter.evaluateRule(compiled, bindings: [.record(["text": "Buy our boots"])]) == true)
        #expect(try interpreter.evaluateRule(compiled, bindings: [.record(["text": "Better than ACME"])]) == false)
    }

    @Test func misuseIsReportedAtTheScriptsSpan() {
        let bad = Self.script.replacingOccurrences(of: "brand_safe(sample.text)", with: "brand_safe(42)")
        let compilation = Self.engine().compile(source: bad, path: "ads.gen", directory: Paths.root)
        #expect(compilation.hasErrors)
        let rendered = compilation.rendered()
        #expect(rendered.contains("ads.gen:14:"))
        #expect(rendered.contains("brand_safe"))
        #expect(rendered.contains("string"))
    }

    @Test func withoutTheHostTheNameIsUnknown() {
        let compilation = Engine(variables: [:]).compile(source: Self.script, path: "ads.gen", directory: Paths.root)
        #expect(compilation.hasErrors)
        #expect(compilation.rendered().contains("brand_safe"))
    }
}
