import Testing
import GenPipeline
@testable import GenSemantics

/// `price:` on a model and `max_dollars` in the spec: what valid values lower to (the errors are golden cases in
/// errors/prices.gen).
@Suite struct PriceAttributeTests {
    static func graph(price: String?, budget: String? = nil) -> PipelineGraph? {
        var script = validScript
        if let price {
            script = script.replacingOccurrences(of: "model: \"smollm2\")", with: "model: \"smollm2\", price: \(price))")
        }
        if let budget { script = script.replacingOccurrences(of: "  count: 10\n", with: "  count: 10\n  max_dollars: \(budget)\n") }
        let result = checkText(script)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.graph
    }

    @Test func aPriceLowersToTheModelAndABudgetToTheSpec() {
        let graph = Self.graph(price: "{input: 0.15, output: 0.60}", budget: "2.5")
        #expect(graph?.models.first?.price == ModelPrice(input: 0.15, output: 0.6))
        #expect(graph?.spec.budget.maxDollars == 2.5)
        #expect(graph?.price(ofArm: "steady") == ModelPrice(input: 0.15, output: 0.6))
        #expect(graph?.hasPrices == true)
    }

    @Test func intsAndZeroAreFinePrices() {
        #expect(Self.graph(price: "{output: 2, input: 0}")?.models.first?.price == ModelPrice(input: 0, output: 2))
    }

    @Test func noPriceIsUnknownNotZero() {
        let graph = Self.graph(price: nil)
        #expect(graph?.models.first?.price == nil)
        #expect(graph?.price(ofArm: "steady") == nil)
        #expect(graph?.spec.budget.maxDollars == nil)
    }

    /// A run whose judge has no price while its writer has one: the dollars leave the judge out, and say so.
    @Test func aModelWithoutAPriceBesideOneWithIsNamed() throws {
        let script = validScript
            .replacingOccurrences(of: "model: \"smollm2\")", with: "model: \"smollm2\", price: {input: 1, output: 2})\nmodel judge = openai(base_url: \"http://127.0.0.1:8080/v1\", model: \"smollm2\")")
            .replacingOccurrences(of: "using: local", with: "using: judge")
        let result = checkText(script)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let graph = try #require(result.graph)
        #expect(graph.unpricedModels == ["judge"])
        #expect(Self.graph(price: nil)?.unpricedModels == [], "none priced: unknown, not partial")
        #expect(Self.graph(price: "{input: 1, output: 2}")?.unpricedModels == [])
    }

    @Test func thePriceShowsInTheGraph() {
        let price = ModelPrice(input: 0.15, output: 0.6)
        #expect(price.summary == "$0.15 / $0.6 per million input / output tokens")
    }
}
