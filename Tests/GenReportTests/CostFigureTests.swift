import Foundation
import GenPipeline
import GenStore
import Testing
@testable import GenReport

/// The run's dollars are computed once, by the store, and the report and the card show that figure.
@Suite struct CostFigureTests {
    @Test func theReportAndTheCardShowTheStoresFigure() async throws {
        let directory = try await FixtureRun.make(
            policy: "epsilon_greedy", evaluate: false, name: "priced", count: 16, price: ModelPrice(input: 0.15, output: 0.60))
        let store = try RunStore(opening: directory, access: .readOnly)
        let spent = try #require(try await store.dollarsSpent())
        let accepted = try await store.acceptedCount()
        let arms = try await store.armSummaries()
        await store.close()
        #expect(spent > 0)
        let data = try await RunReport.load(runDirectory: directory)
        #expect(data.dollars == spent)
        let total = DollarText.amount(spent), each = DollarText.amount(spent / Double(accepted))
        let card = DatasetCard.render(data)
        #expect(card.contains("| cost | \(total) |"))
        #expect(card.contains("| cost per accepted sample | \(each) |"))
        #expect(card.contains("$/accepted"))
        let html = HTMLReport.render(data)
        #expect(html.contains(total))
        #expect(html.contains(each + " per accepted sample"))
        #expect(html.contains("$ / accepted"))
        #expect(html.contains(ModelPrice(input: 0.15, output: 0.60).summary), "the models list says what each costs")
        for row in arms where row.accepted > 0 {
            let each: Double = try #require(row.dollarsPerAccepted)
            let cell = DollarText.amount(each)
            #expect(html.contains(cell) && card.contains(cell), "\(row.arm)")
        }
    }

    @Test func anUnpricedRunSaysNoPriceDeclared() async throws {
        let directory = try await FixtureRun.make(policy: "epsilon_greedy", evaluate: false, name: "unpriced", count: 8)
        let data = try await RunReport.load(runDirectory: directory)
        #expect(data.dollars == nil)
        let card = DatasetCard.render(data)
        #expect(card.contains("| cost | no price declared |"))
        #expect(!card.contains("$/accepted"))
        let html = HTMLReport.render(data)
        #expect(html.contains("no price declared"))
        #expect(!html.contains("$ / accepted"))
    }
}
