import Foundation
import GenCore
import GenProviders
import GenRun
import GenRuntime
import GenStore
import Testing
@testable import GenChecks

@Suite struct CacheTests {
    static let judgeAnswer = #"{"The text fits the domain: customer messages to a bank's support chat": 4}"#

    /// Runs similarity (embedding), entails and judge once; returns the outcomes.
    func runAll(_ checker: StandardModelChecker) async throws -> [ModelCheckOutcome] {
        let context = Fixtures.context()
        return [
            try await checker.run(Fixtures.node("similarity"), arguments: ["I lost my card", "card missing"], context: context),
            try await checker.run(Fixtures.node("entails"), arguments: ["I lost my card", "A card is lost"], context: context),
            try await checker.run(Fixtures.node("judge"), arguments: [Fixtures.sampleValue, .none], context: context),
        ]
    }

    static func client() -> FakeLLMClient {
        FakeLLMClient(
            chat: { request in
                request.outputSchema == nil
                    ? FakeLLMClient.answer("Yes", alternatives: [("Yes", -0.2), ("No", -1.7)])
                    : FakeLLMClient.answer(judgeAnswer)
            },
            embed: { texts in texts.map { [Double($0.count), 1, Double($0.utf8.first ?? 0)] } })
    }

    @Test func secondRunMakesNoModelCalls() async throws {
        let client = Self.client()
        let cache = InMemoryCheckCache()
        let first = try await runAll(Fixtures.checker(client, cache: cache))
        let calls = await client.callCount
        // One embedding request per reference text and per text of the pair, one entails and one judge call.
        #expect(calls == ReferenceTexts.general.count + 2 + 2)
        // A fresh checker (a resumed run) over the same cache.
        let second = try await runAll(Fixtures.checker(client, cache: cache))
        #expect(await client.callCount == calls)
        for (before, after) in zip(first, second) {
            #expect(after.cached)
            #expect(after.tokens == 0)
            #expect(abs(after.score - before.score) < 1e-12)
            #expect(after.method == before.method)
        }
    }

    @Test func differentModelsDoNotShareEntries() async throws {
        let client = Self.client()
        let cache = InMemoryCheckCache()
        let one = StandardModelChecker(models: ["judge": CheckModel(name: "judge", client: client, model: "a")], cache: cache)
        let other = StandardModelChecker(models: ["judge": CheckModel(name: "judge", client: client, model: "b")], cache: cache)
        let arguments: [Value] = ["p", "h"]
        _ = try await one.run(Fixtures.node("entails"), arguments: arguments, context: Fixtures.context())
        let outcome = try await other.run(Fixtures.node("entails"), arguments: arguments, context: Fixtures.context())
        #expect(!outcome.cached)
        #expect(await client.chatRequests.count == 2)
    }

    @Test func runStoreCacheSurvivesReopening() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("genchecks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = NewRun(scriptPath: "t.gen", scriptSHA256: "0", seed: 1, graph: .object([:]), targetCount: 1)
        let client = Self.client()

        let store = try RunStore(creating: run, in: directory)
        let first = try await runAll(Fixtures.checker(client, cache: RunStoreCheckCache(store: store)))
        await store.close()
        let calls = await client.callCount

        let reopened = try RunStore(opening: directory)
        let second = try await runAll(Fixtures.checker(client, cache: RunStoreCheckCache(store: reopened)))
        #expect(await client.callCount == calls)
        #expect(second.allSatisfy { $0.cached })
        #expect(zip(first, second).allSatisfy { abs($0.score - $1.score) < 1e-12 })
        #expect(try await reopened.cacheCount(kind: "judge") == 1)
        #expect(try await reopened.cacheCount(kind: "entails") == 1)
        await reopened.close()
    }
}
