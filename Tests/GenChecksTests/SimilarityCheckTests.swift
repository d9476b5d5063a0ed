import GenCore
import GenProviders
import Testing
@testable import GenChecks

@Suite struct SimilarityCheckTests {
    /// Every reference text sits on a common direction [10, 10, 0], as a small decoder's embeddings do;
    /// the texts under test differ from it only slightly.
    static let vectors: [String: [Double]] = [
        "a": [11, 10, 0], "b": [10, 11, 0], "c": [12, 10, 0],
    ]
    static func embedder() -> FakeLLMClient {
        FakeLLMClient(embed: { texts in texts.map { vectors[$0] ?? [10, 10, 0] } })
    }

    @Test func centringRemovesTheCommonDirection() async throws {
        let client = Self.embedder()
        let outcome = try await Fixtures.checker(client, name: "embedder").run(
            Fixtures.node("similarity", model: "embedder"), arguments: ["a", "b"], context: Fixtures.context())
        // Uncentred the two look almost the same; centred they are orthogonal.
        let raw = try #require(outcome.detail["raw_cosine"]?.doubleValue)
        #expect(raw > 0.99)
        #expect(abs(outcome.score) < 1e-9)
        #expect(outcome.method.contains("centred on \(ReferenceTexts.general.count) reference texts"))
        #expect(outcome.tokens > 0)
        #expect(!outcome.cached)
    }

    @Test func sameDirectionFromTheCentreScoresOne() async throws {
        let outcome = try await Fixtures.checker(Self.embedder(), name: "embedder").run(
            Fixtures.node("similarity", model: "embedder"), arguments: ["a", "c"], context: Fixtures.context())
        #expect(abs(outcome.score - 1) < 1e-9)
    }

    @Test func oppositeDirectionsClipToZero() async throws {
        let client = FakeLLMClient(embed: { texts in texts.map { ["x": [11.0, 10], "y": [9.0, 10]][$0] ?? [10, 10] } })
        let outcome = try await Fixtures.checker(client, name: "embedder").run(
            Fixtures.node("similarity", model: "embedder"), arguments: ["x", "y"], context: Fixtures.context())
        #expect(outcome.score == 0)
        #expect(outcome.detail["cosine"]?.doubleValue.map { abs($0 + 1) < 1e-9 } == true)
    }

    @Test func specExamplesJoinTheReferenceSet() async throws {
        let client = Self.embedder()
        let spec = Fixtures.spec(examples: [.object(["text": .string("Where is my new card?"), "label": .string("lost_card")])])
        _ = try await Fixtures.checker(client, name: "embedder").run(
            Fixtures.node("similarity", model: "embedder"), arguments: ["a", "b"], context: Fixtures.context(spec: spec))
        let embedded = await client.embedCalls.flatMap { $0 }
        #expect(embedded.contains("Where is my new card?"))
        #expect(!embedded.contains("lost_card"))
    }

    @Test func noModelFallsBackToTFIDF() async throws {
        let client = Self.embedder()
        let checker = Fixtures.checker(client, name: "embedder")
        let same = try await checker.run(
            Fixtures.node("similarity", model: nil), arguments: ["my card is lost", "my card is lost"], context: Fixtures.context())
        let disjoint = try await checker.run(
            Fixtures.node("similarity", model: nil), arguments: ["my card is lost", "sunny weather"], context: Fixtures.context())
        #expect(abs(same.score - 1) < 1e-9)
        #expect(disjoint.score == 0)
        #expect(same.method == "tf-idf cosine (no embedding model)")
        #expect(await client.callCount == 0)
    }

    @Test func chatOnlyModelFallsBackOnceAndSaysWhy() async throws {
        let client = FakeLLMClient(embed: { _ in
            throw LLMError.serverError(
                url: "http://x/v1", status: 500, serverMessage: "Llama model must be created with embedding=True", attempts: 4)
        })
        let checker = Fixtures.checker(client, name: "chat")
        let first = try await checker.run(Fixtures.node("similarity", model: "chat"), arguments: ["a b", "a c"], context: Fixtures.context())
        let second = try await checker.run(Fixtures.node("similarity", model: "chat"), arguments: ["a b", "a d"], context: Fixtures.context())
        #expect(first.method == "tf-idf cosine (model `chat` serves no embeddings)")
        #expect(second.method == first.method)
        #expect(await client.embedCalls.count == 1)
    }

    @Test func unreachableServerIsAnErrorNotAFallback() async {
        let client = FakeLLMClient(embed: { _ in
            throw LLMError.unreachable(url: "http://127.0.0.1:9/v1", reason: "connection refused", hint: "start it")
        })
        await #expect(throws: LLMError.self) {
            try await Fixtures.checker(client, name: "embedder").run(
                Fixtures.node("similarity", model: "embedder"), arguments: ["a", "b"], context: Fixtures.context())
        }
    }

    @Test func wrongVectorCountIsAClearError() async {
        let client = FakeLLMClient(embed: { _ in [] })
        await #expect(throws: ModelCheckError.self) {
            try await Fixtures.checker(client, name: "embedder").run(
                Fixtures.node("similarity", model: "embedder"), arguments: ["a", "b"], context: Fixtures.context())
        }
    }

    @Test func textsGoOnePerRequestUnlessTheModelBatches() async throws {
        let single = Self.embedder()
        _ = try await Fixtures.checker(single, name: "embedder").run(
            Fixtures.node("similarity", model: "embedder"), arguments: ["a", "b"], context: Fixtures.context())
        #expect(await single.embedCalls.allSatisfy { $0.count == 1 })
        #expect(await single.embedCalls.count == ReferenceTexts.general.count + 2)

        let batched = Self.embedder()
        let checker = StandardModelChecker(
            models: ["embedder": CheckModel(name: "embedder", client: batched, model: "m", embedsInBatches: true)],
            cache: InMemoryCheckCache())
        let outcome = try await checker.run(Fixtures.node("similarity", model: "embedder"), arguments: ["a", "b"], context: Fixtures.context())
        #expect(await batched.embedCalls.map(\.count) == [ReferenceTexts.general.count, 2])
        #expect(abs(outcome.score) < 1e-9)
    }

    @Test func embeddingsAreCachedPerText() async throws {
        let client = Self.embedder()
        let checker = Fixtures.checker(client, name: "embedder")
        _ = try await checker.run(Fixtures.node("similarity", model: "embedder"), arguments: ["a", "b"], context: Fixtures.context())
        let before = await client.embedCalls.count
        // "a" and the centre are known: only "c" is new.
        let outcome = try await checker.run(Fixtures.node("similarity", model: "embedder"), arguments: ["a", "c"], context: Fixtures.context())
        #expect(await client.embedCalls.count == before + 1)
        #expect(!outcome.cached)
        let again = try await checker.run(Fixtures.node("similarity", model: "embedder"), arguments: ["c", "a"], context: Fixtures.context())
        #expect(again.cached && again.tokens == 0)
    }

    @Test func missingArgumentIsAClearError() async {
        await #expect(throws: ModelCheckError.badArguments(check: "similarity", reason: "missing argument `b` (position 2)")) {
            try await Fixtures.checker(Self.embedder()).run(
                Fixtures.node("similarity", model: nil), arguments: ["a"], context: Fixtures.context())
        }
    }
}
