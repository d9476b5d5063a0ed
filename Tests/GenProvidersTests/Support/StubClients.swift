import GenCore
import GenProviders
import GenTestSupport

/// Clients (usually for a stub server's `baseURL`) with a recording sleeper, so tests state only the policy they probe.
enum StubClients {
    static func client(
        baseURL: String,
        maxAttempts: Int = 3,
        jitter: Double = 0,
        timeout: Double = 5,
        maxConcurrency: Int = 4,
        apiKeyVariable: String? = nil,
        environment: [String: String] = [:],
        structuredOutput: StructuredOutputSetting = .automatic,
        urlVariable: String? = "GEN_LLM_URL",
        sleeper: RecordingSleeper = RecordingSleeper(),
        usage: UsageAccountant = UsageAccountant(),
        pool: [String] = [],
        adaptive: Bool = true,
        maxRetryAfter: Duration = .seconds(120)
    ) throws -> OpenAICompatibleClient {
        let configuration = ClientConfiguration(
            baseURL: baseURL,
            apiKeyVariable: apiKeyVariable,
            timeout: timeout,
            maxConcurrency: maxConcurrency,
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(100), maxDelay: .seconds(2), jitter: jitter,
                               maxRetryAfter: maxRetryAfter, seed: 1),
            structuredOutput: structuredOutput,
            urlVariable: urlVariable,
            pool: pool,
            adaptiveConcurrency: adaptive
        )
        return try OpenAICompatibleClient(configuration: configuration, environment: environment, sleeper: sleeper, usage: usage)
    }

    /// A one-message request.
    static func request(_ prompt: String = "Say hi", model: String = "stub-model", schema: JSONValue? = nil, topLogprobs: Int? = nil) -> ChatRequest {
        ChatRequest(model: model, messages: [.user(prompt)], temperature: 0.7, maxTokens: 32, seed: 7, outputSchema: schema, topLogprobs: topLogprobs)
    }

    static let ok = StubResponse.json(OpenAIStubBodies.chatCompletion("hello"))

    /// A small schema: `{text: string, label: "pos" | "neg"}`.
    static let schema: JSONValue = .object([
        "type": .string("object"),
        "properties": .object([
            "text": .object(["type": .string("string")]),
            "label": .object(["type": .string("string"), "enum": .array([.string("pos"), .string("neg")])]),
        ]),
        "required": .array([.string("text"), .string("label")]),
    ])
}
