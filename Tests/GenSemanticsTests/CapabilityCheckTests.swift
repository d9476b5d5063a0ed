import Testing
import GenCore
import GenPipeline
@testable import GenSemantics

/// Checks that depend on what the capabilities declare: bounds that depend on the number of arms, names the
/// reward reserves, settings the run honours.
@Suite struct CapabilityCheckTests {
    func script(arms: Int = 3, router: String = "ucb1()", quality: String = "", reward: String = "passed * quality") -> String {
        let armLines = (0..<arms).map { "arm a\($0) = naive(local, temperature: 0.\($0 + 2))" }.joined(separator: "\n")
        return """
        gen 0.1
        model local = openai(base_url: "http://127.0.0.1:8080/v1", model: "smollm2")
        schema S {
          text: string
        }
        spec s {
          domain: "Short notes"
          output: S
          count: 10
        }
        \(armLines)
        router \(router)
        quality {
          rule "schema" valid(sample)
        \(quality)
        }
        reward = \(reward)
        """
    }

    /// Before, `floor: 0.5` with three arms passed the checker and the router refused it when the run started.
    @Test func floorIsBoundedByOneOverTheNumberOfArms() {
        let three = renderedDiagnostics(script(arms: 3, router: "thompson(floor: 0.5)"))
        #expect(three.contains("`floor` is 0.5, more than 1/3 = 0.3333 with 3 arms"), "\(three)")
        #expect(three.contains("test.gen:14:24"), "the caret is at the argument: \(three)")
        #expect(renderedDiagnostics(script(arms: 2, router: "thompson(floor: 0.5)")).isEmpty)
        #expect(renderedDiagnostics(script(arms: 3, router: "thompson(floor: 0.33)")).isEmpty)
    }

    /// Before, a score named `quality` silently replaced the built-in metric in the reward.
    @Test func aScoreMayNotTakeAMetricsName() {
        let text = renderedDiagnostics(script(quality: "  score \"quality\" len(sample.text) / 100"))
        #expect(text.contains("score \"quality\" has the name of a built-in reward metric"), "\(text)")
        #expect(renderedDiagnostics(script(quality: "  score \"short\" len(sample.text) / 100")).isEmpty)
    }

    @Test func theRewardReadsScoresByName() {
        let good = script(quality: "  score \"short\" len(sample.text) / 100", reward: "passed * scores[\"short\"]")
        #expect(renderedDiagnostics(good).isEmpty)
        let typo = renderedDiagnostics(script(quality: "  score \"short\" len(sample.text) / 100", reward: "passed * scores[\"shrot\"]"))
        #expect(!typo.isEmpty)
    }

    /// Before, `semantic(0.9, using: embedder)` lowered a model the run never called.
    @Test func semanticDedupTakesAThresholdAndNoModel() throws {
        #expect(renderedDiagnostics(script(quality: "  dedup semantic(0.9)")).isEmpty)
        let withModel = renderedDiagnostics(script(quality: "  dedup semantic(0.9, using: local)"))
        #expect(withModel.contains("has no parameter `using`"), "\(withModel)")
        let graph = try #require(checkText(script(quality: "  dedup semantic(0.9)")).graph)
        #expect(graph.quality.last == .dedup(.semantic, threshold: 0.9, source: try #require(graph.quality.last).source))
    }

    @Test func unknownMetricsListEveryMetricTheRunComputes() {
        let text = renderedDiagnostics(script(reward: "passed * karma"))
        for metric in ["relative_cost", "diversity_gain", "pool_size"] { #expect(text.contains("`\(metric)`"), "\(text)") }
    }

    @Test func anUnknownParameterOrAttributeListsTheValidNames() {
        let parameter = renderedDiagnostics(script(router: "ucb1(zzz: 1)"))
        #expect(parameter.contains("its parameters: `c`, `cap`, `floor`"), "\(parameter)")
        let attribute = renderedDiagnostics(script().replacingOccurrences(of: "  count: 10\n", with: "  count: 10\n  qqqqq: 3\n"))
        #expect(attribute.contains("its attributes: `domain`, `output`, `count`"), "\(attribute)")
    }

    /// Quotas of 1.5 over 3 of 5 labels were taken (and printed as 0.20000000000000004).
    @Test func quotasAreSharesThatAddUpToOne() {
        let labelled = script().replacingOccurrences(of: "  text: string\n", with: "  text: string\n  label: enum(\"a\", \"b\", \"c\")\n")
        let bad = renderedDiagnostics(labelled.replacingOccurrences(of: "  count: 10\n", with: "  count: 10\n  quotas: {a: 0.5, b: 1.0}\n"))
        #expect(bad.contains("the quotas add up to 1.5, not 1") && bad.contains("2 of 3 labels are listed"), "\(bad)")
        let good = labelled.replacingOccurrences(of: "  count: 10\n", with: "  count: 10\n  quotas: {a: 0.5, b: 0.25, c: 0.25}\n")
        #expect(renderedDiagnostics(good).isEmpty)
        #expect(checkText(good).graph?.spec.quotasDeclared == true)
        #expect(checkText(labelled).graph?.spec.quotasDeclared == false)
    }

    /// Without a dedup stage, identical samples were all accepted: exact dedup is the default, shown in the graph.
    @Test func exactDedupIsTheDefaultAndTheGraphSaysSo() throws {
        let graph = try #require(checkText(script()).graph)
        #expect(graph.quality.last == .dedup(.exact, threshold: nil, source: .synthesized))
        #expect(try GraphRendering.render(graph, format: .text).contains("dedup \"exact\" (default)"))
        let declared = try #require(checkText(script(quality: "  dedup near(0.8)")).graph)
        #expect(declared.quality.filter { $0.kind == .dedup }.count == 1)
    }
}
