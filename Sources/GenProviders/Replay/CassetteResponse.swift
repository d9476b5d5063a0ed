import GenCore

/// Responses as a cassette stores them, and back. Recording returns the decoded form too, so the recorded run
/// sees exactly what its replay will (latency rounded to whole nanoseconds, the endpoint left out).
public enum CassetteResponse {
    public static func encode(_ response: ChatResponse) -> JSONValue {
        var fields: [String: JSONValue] = [
            "text": .string(response.text),
            "finish_reason": .string(response.finishReason.rawValue),
            "usage": encode(response.usage),
            "latency_ns": .int(nanoseconds(response.latency)),
            "attempts": .int(response.attempts),
        ]
        fields["model"] = response.model.map(JSONValue.string)
        fields["structured_output"] = response.structuredOutput.map { .string($0.rawValue) }
        if !response.logprobs.isEmpty { fields["logprobs"] = .array(response.logprobs.map(encode)) }
        return .object(fields)
    }

    public static func encode(_ response: EmbeddingResponse) -> JSONValue {
        .object([
            "vectors": .array(response.vectors.map { .array($0.map(JSONValue.double)) }),
            "usage": encode(response.usage),
            "latency_ns": .int(nanoseconds(response.latency)),
            "attempts": .int(response.attempts),
            "pooled_from_tokens": .bool(response.pooledFromTokens),
        ])
    }

    public static func chat(_ value: JSONValue) throws(CassetteFormatError) -> ChatResponse {
        guard let text = value["text"]?.stringValue else { throw CassetteFormatError("a chat response needs `text`") }
        return ChatResponse(
            text: text, finishReason: FinishReason(rawValue: value["finish_reason"]?.stringValue ?? "unknown"),
            usage: usage(value["usage"]), latency: .nanoseconds(int(value["latency_ns"]) ?? 0),
            attempts: int(value["attempts"]) ?? 1, model: value["model"]?.stringValue,
            logprobs: try (value["logprobs"]?.arrayValue ?? []).map(tokenLogprob),
            structuredOutput: value["structured_output"]?.stringValue.flatMap(StructuredOutputDialect.init(rawValue:)))
    }

    public static func embedding(_ value: JSONValue) throws(CassetteFormatError) -> EmbeddingResponse {
        guard let rows = value["vectors"]?.arrayValue else { throw CassetteFormatError("an embeddings response needs `vectors`") }
        var vectors: [[Double]] = []
        for row in rows {
            guard let numbers = row.arrayValue?.compactMap(\.doubleValue), numbers.count == row.arrayValue?.count else {
                throw CassetteFormatError("`vectors` must be lists of numbers")
            }
            vectors.append(numbers)
        }
        return EmbeddingResponse(
            vectors: vectors, usage: usage(value["usage"]), latency: .nanoseconds(int(value["latency_ns"]) ?? 0),
            attempts: int(value["attempts"]) ?? 1, pooledFromTokens: value["pooled_from_tokens"] == .bool(true))
    }

    static func encode(_ usage: TokenUsage) -> JSONValue {
        .object(["prompt_tokens": .int(usage.promptTokens), "completion_tokens": .int(usage.completionTokens)])
    }

    static func encode(_ token: TokenLogprob) -> JSONValue {
        .object([
            "token": .string(token.token), "logprob": .double(token.logprob),
            "alternatives": .array(token.alternatives.map { .object(["token": .string($0.token), "logprob": .double($0.logprob)]) }),
        ])
    }

    static func tokenLogprob(_ value: JSONValue) throws(CassetteFormatError) -> TokenLogprob {
        guard let token = value["token"]?.stringValue, let logprob = value["logprob"]?.doubleValue else {
            throw CassetteFormatError("a logprob needs `token` and `logprob`")
        }
        let alternatives = (value["alternatives"]?.arrayValue ?? []).compactMap { item -> TokenAlternative? in
            guard let token = item["token"]?.stringValue, let logprob = item["logprob"]?.doubleValue else { return nil }
            return TokenAlternative(token: token, logprob: logprob)
        }
        return TokenLogprob(token: token, logprob: logprob, alternatives: alternatives)
    }

    static func usage(_ value: JSONValue?) -> TokenUsage {
        TokenUsage(promptTokens: int(value?["prompt_tokens"]) ?? 0, completionTokens: int(value?["completion_tokens"]) ?? 0)
    }

    static func int(_ value: JSONValue?) -> Int? {
        guard let number = value?.doubleValue, number.isFinite, number.rounded() == number, abs(number) < 9e18 else { return nil }
        return Int(number)
    }

    static func nanoseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
}

/// A cassette line that is not what Gen writes.
public struct CassetteFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
