import GenCore

/// OpenAI-shaped answers for stub servers, so tests state only what matters to them.
public enum OpenAIStubBodies {
    /// A `/v1/chat/completions` answer with one choice.
    public static func chatCompletion(
        _ text: String,
        finishReason: String = "stop",
        promptTokens: Int = 10,
        completionTokens: Int = 5,
        model: String = "stub-model",
        logprobs: JSONValue? = nil
    ) -> JSONValue {
        var choice: [String: JSONValue] = [
            "index": .int(0),
            "message": .object(["role": .string("assistant"), "content": .string(text)]),
            "finish_reason": .string(finishReason),
        ]
        if let logprobs { choice["logprobs"] = logprobs }
        return .object([
            "id": .string("chatcmpl-stub"),
            "object": .string("chat.completion"),
            "model": .string(model),
            "choices": .array([.object(choice)]),
            "usage": .object([
                "prompt_tokens": .int(promptTokens),
                "completion_tokens": .int(completionTokens),
                "total_tokens": .int(promptTokens + completionTokens),
            ]),
        ])
    }

    /// A `/v1/embeddings` answer; each embedding is a vector (`[Double]`) or per-token vectors (`[[Double]]`).
    public static func embeddings(_ embeddings: [JSONValue], promptTokens: Int = 4) -> JSONValue {
        .object([
            "object": .string("list"),
            "data": .array(embeddings.enumerated().map { index, embedding in
                .object(["object": .string("embedding"), "index": .int(index), "embedding": embedding])
            }),
            "usage": .object(["prompt_tokens": .int(promptTokens), "total_tokens": .int(promptTokens)]),
        ])
    }

    /// A vector as JSON.
    public static func vector(_ values: [Double]) -> JSONValue {
        .array(values.map(JSONValue.double))
    }

    /// llama-cpp-python's answer (sent with HTTP 500) to OpenAI's `json_schema` response format, as seen
    /// from version 0.3.36.
    public static func llamaCppResponseFormatRejection() -> JSONValue {
        .object(["error": .object([
            "message": .string("1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
                + "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}"),
            "type": .string("internal_server_error"),
            "param": .null,
            "code": .null,
        ])])
    }
}
