import Foundation
import GenCore

/// An `LLMClient` for a model in batch mode (`mode: "batch"`): chat requests go through OpenAI's batch API
/// (`/v1/files` + `/v1/batches`) instead of `/v1/chat/completions`, typically at half the price and within hours.
///
/// The concurrent `chat` calls of a run batch are collected into one batch file (see `BatchQueue`), each call
/// waits for its own line, and its answer comes back as an ordinary `ChatResponse`: the arms, quality checks and
/// token accounting cannot tell the difference. Every batch is written to a `BatchJournal` before it is waited on,
/// so a resumed run collects a batch still on the server instead of creating (and paying for) it again.
///
/// Model listing (preflight) and embeddings go to the same server online. Per-request timeouts apply to each HTTP
/// call (upload, create, poll, download), never to the wait for a batch, which may take hours; a stop request ends
/// the wait within a quarter of a second with `LLMError.batchWaitStopped`.
public struct BatchAPIClient: LLMClient, ModelListing, CustomStringConvertible {
    public let configuration: ClientConfiguration
    public let settings: BatchSettings
    /// Tokens spent through this client, recorded per delivered answer as the online client does.
    public var usage: UsageAccountant { online.usage }
    /// Preflight's `/models` and embeddings.
    private let online: OpenAICompatibleClient
    private let queue: BatchQueue

    /// Reads the API key like `OpenAICompatibleClient`; `stopRequested` is asked while waiting on a batch, and
    /// `progress` hears each batch's status whenever a poll finds it changed (for a status line).
    public init(
        configuration: ClientConfiguration,
        settings: BatchSettings = BatchSettings(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sleeper: any Sleeper = TaskSleeper(),
        usage: UsageAccountant = UsageAccountant(),
        stopRequested: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }
    ) throws {
        let online = try OpenAICompatibleClient(configuration: configuration, environment: environment, sleeper: sleeper, usage: usage)
        self.configuration = configuration
        self.settings = settings
        self.online = online
        self.queue = BatchQueue(
            api: BatchAPI(sender: online.sender), settings: settings, endpoint: online.redactedBaseURL,
            maxAttempts: configuration.retry.maxAttempts, stopRequested: stopRequested, report: progress)
    }

    public var description: String { "BatchAPIClient(\(online.redactedBaseURL))" }

    public var redactedBaseURL: String { online.redactedBaseURL }

    /// Journals batches in `journal` (the run store) from now on, and lets calls claim its unconsumed lines.
    public func attach(journal: any BatchJournal) async throws {
        try await queue.attach(journal)
    }

    public func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let started = ContinuousClock.now
        var dialect: StructuredOutputDialect?
        if request.outputSchema != nil {
            // No fallback round trip in a batch: hosted batch APIs speak OpenAI's form unless the client is told otherwise.
            if case .fixed(let fixed) = configuration.structuredOutput { dialect = fixed } else { dialect = .jsonSchema }
        }
        let body = ChatWireFormat.body(for: request, dialect: dialect)
        let hash = SHA256.hex(redactedBaseURL + "\n" + String(decoding: body, as: UTF8.self))
        let queue = self.queue
        let id = await queue.newCallID()
        let delivery = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Task { await queue.enqueue(id, hash: hash, body: body, continuation: continuation) }
            }
        } onCancel: {
            Task { await queue.cancel(id) }
        }
        var response = try ChatWireFormat.response(
            Data(CanonicalJSON.string(delivery.completion).utf8), url: redactedBaseURL, latency: ContinuousClock.now - started,
            attempts: delivery.attempts)
        response.structuredOutput = dialect
        await usage.record(model: request.model, usage: response.usage, attempts: delivery.attempts)
        return response
    }

    public func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        try await online.embed(texts, model: model)
    }

    public func listModels() async throws -> [String] {
        try await online.listModels()
    }
}

/// A client that can list the models its server serves (`GET /models`), which preflight asks before a run.
public protocol ModelListing: Sendable {
    func listModels() async throws -> [String]
    /// The base URL as messages show it.
    var redactedBaseURL: String { get }
}
