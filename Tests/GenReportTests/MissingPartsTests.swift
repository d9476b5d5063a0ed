import Foundation
import Testing
import GenCore
import GenStore
@testable import GenReport

/// Runs without an epsilon, an evaluation or a graph show short notes instead of empty charts.
@Suite struct MissingPartsTests {
    @Test func aUCBRunWithoutEvaluationExplainsTheMissingCharts() async throws {
        let directory = try await FixtureRun.make(policy: "ucb1", evaluate: false, name: "ucb")
        let data = try await RunReport.load(runDirectory: directory)
        let tree = XMLTree(HTMLReport.render(data))
        #expect(tree.error == nil)
        #expect(tree.element(id: "chart-epsilon") == nil)
        let epsilon = try #require(tree.element(id: "chart-epsilon-note"))
        #expect(epsilon.allText.contains("Not available because the router policy 'ucb1' has no exploration rate"))
        #expect(tree.element(id: "chart-accuracy-note")?.allText.contains("the script has no evaluate block") == true)
        #expect(tree.element(id: "chart-credit-note") != nil)
        #expect(tree.element(id: "chart-arm-choices") != nil)
        let card = DatasetCard.render(data)
        #expect(card.contains("## Downstream results\n\nNot available because the script has no evaluate block."))
    }

    @Test func aRunWithoutAGraphOrBatchesStillRenders() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-report-empty-\(UUID().uuidString)")
        let store = try RunStore(
            creating: NewRun(scriptPath: "empty.gen", scriptSHA256: "00", seed: 1, graph: .object([:]), targetCount: 10), in: directory)
        await store.close()
        let data = try await RunReport.load(runDirectory: directory)
        #expect(data.graph == nil)
        let tree = XMLTree(HTMLReport.render(data))
        #expect(tree.error == nil)
        for id in ["chart-arm-choices", "chart-arm-reward", "chart-epsilon", "chart-acceptance", "chart-rejections", "chart-labels",
                   "chart-diversity", "chart-accuracy", "chart-credit"] {
            #expect(tree.element(id: id + "-note") != nil, "\(id) has no note")
        }
        let card = DatasetCard.render(data)
        #expect(card.contains("the run stored no pipeline graph"))
        #expect(card.contains("dataset.jsonl has not been exported yet"))
    }

    @Test func aMissingRunDirectoryIsAClearError() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("gen-report-none-\(UUID().uuidString)")
        await #expect(throws: ReportError.self) { try await RunReport.load(runDirectory: missing) }
        do {
            _ = try await RunReport.load(runDirectory: missing)
        } catch let error as ReportError {
            #expect(error.message.contains("cannot open the run in \(missing.path)"))
        }
    }
}
