import Foundation
import Testing
import GenCore
@testable import GenEngine

/// `gen check` finds what is wrong in an arm's attributes and prompt text before a token is spent (issue 13).
@Suite struct AttributeCheckTests {
    @Test func aBadLabelKeyAndAnUnknownPlaceholderAreErrorsAtTheArm() throws {
        let script = """
        gen 0.1
        model local = openai(base_url: "http://127.0.0.1:9/v1", model: "smollm2")
        schema S {
          text: string
          label: enum("a", "b")
        }
        spec s {
          domain: "d"
          output: S
          count: 4
        }
        arm varied = naive(local, attributes: {topic: {a: ["x"], c: ["y"]}}, instruction: "About {topic} in {tone}.")
        router ucb1()
        quality {
          rule "schema" valid(sample)
        }
        reward = passed
        """
        let compilation = Engine(variables: [:]).compile(source: script, path: "attr.gen", directory: FileManager.default.temporaryDirectory)
        #expect(compilation.graph == nil)
        let text = compilation.rendered()
        #expect(text.contains("attr.gen:12:5: error: arm `varied`: attribute `topic`: \"c\" is not a label"), "\(text)")
        #expect(text.contains("`instruction` uses {tone}, which is not known here"), "\(text)")
    }

    @Test func theShippedAttributeExamplesCheckCleanAndRecordTheirDeclarations() throws {
        for name in ["news_topics.gen", "review_attributes.gen"] {
            let compilation = Engine(variables: [:]).compile(path: Paths.root.appendingPathComponent("examples/\(name)").path)
            let graph = try #require(compilation.graph, "\(compilation.rendered())")
            #expect(graph.arms.contains { $0.parameters["attributes"]?.objectValue?.isEmpty == false })
            #expect(graph.arms.contains { $0.parameters["instruction"]?.stringValue != nil })
        }
    }
}
