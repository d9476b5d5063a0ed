import GenPipeline
import GenProviders
import GenRun
import Testing
@testable import GenChecks

@Suite struct StandardModelCheckerTests {
    @Test func unknownCheckNamesTheKnownOnes() async {
        await #expect(throws: ModelCheckError.unknownCheck(name: "toxicity", known: ["entails", "judge", "label_fits", "similarity"])) {
            try await Fixtures.checker(FakeLLMClient()).run(Fixtures.node("toxicity"), arguments: [], context: Fixtures.context())
        }
    }

    @Test func unknownModelIsAClearError() async {
        await #expect(throws: ModelCheckError.unknownModel(check: "entails", model: "gpt", known: ["judge"])) {
            try await Fixtures.checker(FakeLLMClient()).run(Fixtures.node("entails", model: "gpt"), arguments: ["a", "b"], context: Fixtures.context())
        }
    }

    @Test func judgeWithoutModelUsesTheOnlyOneOrAsks() async throws {
        let client = FakeLLMClient(chat: { _ in FakeLLMClient.answer("No", alternatives: [("No", -0.1), ("Yes", -2.3)]) })
        let outcome = try await Fixtures.checker(client).run(Fixtures.node("entails", model: nil), arguments: ["a", "b"], context: Fixtures.context())
        #expect(outcome.method.contains("judge"))
        let two = StandardModelChecker(
            models: ["a": CheckModel(name: "a", client: client, model: "m"), "b": CheckModel(name: "b", client: client, model: "m")],
            cache: InMemoryCheckCache())
        await #expect(throws: ModelCheckError.missingModel(check: "entails", known: ["a", "b"])) {
            try await two.run(Fixtures.node("entails", model: nil), arguments: ["a", "b"], context: Fixtures.context())
        }
    }

    @Test func modelValueArgumentsNameTheModelAndAreDropped() async throws {
        let client = FakeLLMClient(chat: { _ in FakeLLMClient.answer("Yes", alternatives: [("Yes", -0.1), ("No", -2.3)]) })
        let outcome = try await Fixtures.checker(client).run(
            Fixtures.node("entails", model: nil), arguments: ["a", "b", .model("judge")], context: Fixtures.context())
        #expect(outcome.score > 0.5)
    }

    @Test func hostsCanRegisterTheirOwnKinds() async throws {
        struct Constant: ModelCheckKind {
            let signature = QualityCheckSpec(
                kind: KindSpec(family: "check", name: "constant", parameters: [], summary: "always 0.25"), result: .float,
                execution: .model)
            func run(_ invocation: CheckInvocation) async throws -> ModelCheckOutcome {
                ModelCheckOutcome(score: 0.25, method: "constant")
            }
        }
        let checker = StandardModelChecker(models: [:], cache: InMemoryCheckCache(), registry: ModelCheckRegistry([Constant()]))
        let outcome = try await checker.run(Fixtures.node("constant", model: nil), arguments: [], context: Fixtures.context())
        #expect(outcome.score == 0.25)
    }

    @Test func modelsFromTheGraphKeepTheirServerInTheCacheIdentity() {
        let node = ModelNode(
            name: "local", provider: "openai", baseURL: "http://127.0.0.1:8080/v1", model: "smollm2", apiKeyEnv: nil,
            maxConcurrency: 2, timeoutSeconds: 30, maxRetries: 1, source: Fixtures.source)
        let graph = PipelineGraph.testGraph(models: [node], spec: Fixtures.spec())
        let models = CheckModel.from(graph: graph, clients: ["local": FakeLLMClient(), "other": FakeLLMClient()])
        #expect(models.keys.sorted() == ["local"])
        #expect(models["local"]?.cacheIdentity == "http://127.0.0.1:8080/v1|smollm2")
        #expect(models["local"]?.model == "smollm2")
    }
}
