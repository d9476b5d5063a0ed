import Foundation
import GenCore
import GenPipeline
import GenStore
import Testing
@testable import GenRun

/// `price:` and `max_dollars`: each candidate costs its prompt and completion tokens at its arm's model's price,
/// the run stops as "budget spent" once the total reaches the budget, and every figure is the store's.
@Suite struct DollarRunTests {
    /// $1000 / $2000 per million tokens: the fakes' readable sample (20 + 10 tokens) costs $0.04, junk (20 + 5) $0.03.
    static let price = ModelPrice(input: 1000, output: 2000)

    static func graph(count: Int, priced: Bool = true) -> PipelineGraph {
        var graph = RunFixtures.graph(count: count, batch: 4, arms: ["good", "junky"])
        graph.models = [ModelNode(
            name: "m", provider: "openai", baseURL: "http://x/v1", model: "m", apiKeyEnv: nil, maxConcurrency: 1,
            timeoutSeconds: 1, maxRetries: 0, source: .synthesized, price: priced ? price : nil)]
        for index in graph.arms.indices { graph.arms[index].model = "m" }
        return graph
    }

    static func loop(_ store: RunStore, _ graph: PipelineGraph, maxDollars: Double? = nil) -> AdaptiveRun {
        AdaptiveRun(graph: graph, arms: RunFixtures.arms, quality: FakeQuality(), reward: DefaultReward(), store: store,
                    configuration: RunConfiguration(seed: 3, targetCount: graph.spec.count, batchSize: graph.spec.batch,
                                                    maxCandidates: 10_000, maxDollars: maxDollars),
                    observer: nil, stop: StopSignal())
    }

    @Test func costIsPromptAndCompletionAtTheirRates() {
        let price = ModelPrice(input: 0.15, output: 0.60)
        #expect(abs(price.dollars(prompt: 1_000_000, completion: 500_000) - 0.45) < 1e-12)
        #expect(ModelPrice.adding(nil, nil, prompt: 100, completion: 100) == nil, "no price: unknown, not $0")
        #expect(ModelPrice.adding(nil, price, prompt: 0, completion: 0) == 0)
        #expect(ModelPrice.adding(1, nil, prompt: 100, completion: 100) == 1)
        #expect(ModelPrice.sum([nil, nil]) == nil)
        #expect(ModelPrice.sum([nil, 0.5, 0.25]) == 0.75)
    }

    @Test func aPricedRunStopsOnMaxDollarsAndEveryFigureAgrees() async throws {
        let graph = Self.graph(count: 100)
        let directory = RunFixtures.temporaryDirectory()
        let store = try RunFixtures.newStore(directory, graph: graph, seed: 3)
        let outcome = try await Self.loop(store, graph, maxDollars: 0.5).run()
        #expect(outcome.end == .budgetSpent("max_dollars 0.50 reached"))
        #expect(!outcome.end.isComplete)
        let info = try await store.info()
        #expect(info.status == .stopped)
        #expect(info.statusDetail == "budget spent: max_dollars 0.50 reached")
        let spent = try #require(try await store.dollarsSpent())
        #expect(spent >= 0.5 && spent < 0.5 + 4 * 0.04 + 1e-9, "stops after the batch that reached it")
        #expect(abs((outcome.progress.dollars ?? -1) - spent) < 1e-9, "the summary's figure is the store's")
        var records: [CandidateRecord] = []
        for batch in 0..<(try await store.resumeInfo().nextBatchIndex) {
            records += try await store.candidates(batch: batch).map(\.record)
        }
        for record in records {
            let expected = Self.price.dollars(prompt: record.promptTokens ?? -1, completion: record.completionTokens ?? -1)
            #expect(abs((record.dollars ?? -1) - expected) < 1e-12)
            #expect(record.promptTokens == 20)
        }
        let arms = try await store.armSummaries()
        #expect(abs(arms.compactMap(\.dollars).reduce(0, +) - spent) < 1e-9)
        for arm in outcome.progress.arms {
            let row = try #require(arms.first { $0.arm == arm.name })
            #expect(abs((arm.dollars ?? -1) - (row.dollars ?? -2)) < 1e-9, "\(arm.name): the table's $ is the store's")
        }
        let summary = ProgressText.summary(outcome.progress)
        #expect(summary.contains("$/accepted"))
        #expect(summary.contains("cost: \(DollarText.amount(spent)), \(DollarText.amount(spent / Double(outcome.progress.accepted))) per accepted sample"))
    }

    @Test func aResumedRunKeepsTheTotal() async throws {
        let graph = Self.graph(count: 100)
        let directory = RunFixtures.temporaryDirectory()
        let store = try RunFixtures.newStore(directory, graph: graph, seed: 3)
        let first = try await Self.loop(store, graph, maxDollars: 0.3).run()
        await store.close()
        let reopened = try RunStore(opening: directory)
        let resumed = Self.loop(reopened, graph, maxDollars: 0.6)
        _ = try await resumed.restore()
        let restored = await resumed.progress
        #expect(abs((restored.dollars ?? -1) - (first.progress.dollars ?? -2)) < 1e-9)
        #expect(ProgressText.cost(restored) == ProgressText.cost(first.progress))
        let outcome = try await Self.loop(reopened, graph, maxDollars: 0.6).run()
        #expect(outcome.end == .budgetSpent("max_dollars 0.60 reached"))
        #expect(abs((outcome.progress.dollars ?? -1) - (try await reopened.dollarsSpent() ?? -2)) < 1e-9)
    }

    @Test func anUnpricedRunSaysSoAndMaxDollarsNeverFires() async throws {
        let graph = Self.graph(count: 8, priced: false)
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 3)
        let outcome = try await Self.loop(store, graph, maxDollars: 0.01).run()
        #expect(outcome.end == .targetReached)
        #expect(outcome.progress.dollars == nil)
        #expect(try await store.dollarsSpent() == nil)
        #expect(ProgressText.cost(outcome.progress) == "cost: no price declared")
        #expect(!ProgressText.summary(outcome.progress).contains("$/accepted"))
    }
}
