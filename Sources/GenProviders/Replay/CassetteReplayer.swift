import GenCore

/// Hands out a cassette's responses by fingerprint and occurrence (never by arrival order, which concurrent
/// requests do not keep), and remembers the first request the cassette does not hold.
public actor CassetteReplayer {
    public let path: String
    private let exchanges: [String: CassetteExchange]
    private let recorded: [CassetteExchange]
    private var occurrences: [String: Int] = [:]
    /// The first miss, for a host that wants to know whether its own arms swallowed one.
    public private(set) var firstMiss: String?

    public init(cassette: Cassette, path: String) {
        self.path = path
        recorded = cassette.exchanges
        exchanges = Dictionary(cassette.exchanges.map { ("\($0.fingerprint)#\($0.occurrence)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The recorded outcome of the next call with this request, or an error naming the request.
    func take(_ canonical: JSONValue, clientModel: String) throws(LLMError) -> CassetteExchange.Outcome {
        let fingerprint = RequestFingerprint.of(canonical)
        let occurrence = occurrences[fingerprint, default: 0]
        occurrences[fingerprint] = occurrence + 1
        if let exchange = exchanges["\(fingerprint)#\(occurrence)"] { return exchange.outcome }
        let message = CassetteMiss(
            path: path, clientModel: clientModel, caller: ModelCallSite.current, request: canonical, fingerprint: fingerprint,
            occurrence: occurrence, recorded: recorded
        ).description
        if firstMiss == nil { firstMiss = message }
        throw LLMError.notRecorded(message: message)
    }
}

/// A failure the recorded run met, given back with the same message.
public struct ReplayedFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Answers from a cassette and nothing else: it has no URL, so replay cannot open a socket.
public struct ReplayingClient: LLMClient {
    /// The script's name for the model (`local`), for messages.
    public let name: String
    public let replayer: CassetteReplayer

    public init(name: String, replayer: CassetteReplayer) {
        self.name = name
        self.replayer = replayer
    }

    public func chat(_ request: ChatRequest) async throws -> ChatResponse {
        switch try await replayer.take(RequestFingerprint.canonical(request), clientModel: name) {
        case .response(let response): return try CassetteResponse.chat(response)
        case .failure(let message): throw ReplayedFailure(description: message)
        }
    }

    public func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        switch try await replayer.take(RequestFingerprint.canonical(embedding: texts, model: model), clientModel: name) {
        case .response(let response): return try CassetteResponse.embedding(response)
        case .failure(let message): throw ReplayedFailure(description: message)
        }
    }
}
