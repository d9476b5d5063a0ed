import Foundation
import GenCore

/// The OpenAI `/v1/chat/completions` wire form: request bodies out, `ChatResponse` in.
enum ChatWireFormat {
    /// The request body; bodies are canonical JSON so identical requests are identical bytes (replay keys).
    static func body(for request: ChatRequest, dialect: StructuredOutputDialect?) -> Data {
        var members: [String: JSONValue] = [
            "model": .string(request.model),
            "messages": .array(request.messages.map { message in
                .object(["role": .string(message.role.rawValue), "content": .string(message.content)])
            }),
        ]
        if let temperature = request.temperature { members["temperature"] = .double(temperature) }
        if let topP = request.topP { members["top_p"] = .double(topP) }
        if let maxTokens = request.maxTokens { members["max_tokens"] = .int(maxTokens) }
        if let seed = request.seed { members["seed"] = .int(seed) }
        if !request.stop.isEmpty { members["stop"] = .array(request.stop.map(JSONValue.string)) }
        if let schema = request.outputSchema, let dialect {
            members["response_format"] = dialect.responseFormat(schema: schema, name: request.schemaName)
        }
        if let top = request.topLogprobs {
            members["logprobs"] = .bool(true)
            members["top_logprobs"] = .int(top)
        }
        return Data(CanonicalJSON.string(.object(members)).utf8)
    }

    /// Decodes a 2xx body; throws a reason string (wrapped by the caller) when it is not a chat completion.
    static func decode(_ body: Data) throws(WireError) -> ChatResponse {
        let value = try WireError.parseJSON(body)
        guard let choice = value["choices"]?.arrayValue?.first else {
            throw WireError("no `choices` in the chat completion")
        }
        guard let message = choice["message"] else {
            throw WireError("the first choice has no `message`")
        }
        let text: String
        switch message["content"] {
        case .string(let content): text = content
        case .null, nil: text = ""
        default: throw WireError("`message.content` is not a string")
        }
        let finish = choice["finish_reason"]?.stringValue.map(FinishReason.init(rawValue:)) ?? .unknown
        return ChatResponse(
            text: text,
            finishReason: finish,
            usage: usage(in: value),
            model: value["model"]?.stringValue,
            logprobs: LogprobsWireFormat.decode(choice["logprobs"])
        )
    }

    /// A 2xx body as the response a client returns, or `LLMError.malformedResponse` naming `url`.
    static func response(_ body: Data, url: String, latency: Duration, attempts: Int) throws -> ChatResponse {
        var response: ChatResponse
        do {
            response = try decode(body)
        } catch {
            throw LLMError.malformedResponse(url: url, reason: error.reason)
        }
        response.latency = latency
        response.attempts = attempts
        return response
    }

    static func usage(in value: JSONValue) -> TokenUsage {
        let usage = value["usage"]
        return TokenUsage(
            promptTokens: usage?["prompt_tokens"]?.doubleValue.map { Int($0) } ?? 0,
            completionTokens: usage?["completion_tokens"]?.doubleValue.map { Int($0) } ?? 0
        )
    }
}

/// A 2xx body that is not what the endpoint should send.
struct WireError: Error, Sendable {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    /// The body as JSON, or a reason that says how it is broken (empty, truncated, not JSON).
    static func parseJSON(_ body: Data) throws(WireError) -> JSONValue {
        let text = String(decoding: body, as: UTF8.self)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw WireError("the body is empty")
        }
        if let value = CanonicalJSON.parse(text) { return value }
        if case .failure(let rejection) = ModelOutputParser.parse(text, as: .jsonObject),
           rejection.reason.hasPrefix("truncated") {
            throw WireError("the body is not valid JSON (\(rejection.reason), \(body.count) bytes)")
        }
        throw WireError("the body is not valid JSON (starts with `\(text.prefix(80))`)")
    }
}
