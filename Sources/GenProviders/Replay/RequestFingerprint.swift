import GenCore

/// The canonical form of a model request and its stable hash, which a cassette keys exchanges by.
///
/// Only what decides the answer goes in: model, messages, sampling parameters, response format and seed.
/// The server's URL and API key live in the client, never in a request, so they never reach a fingerprint.
/// Canonical JSON (sorted keys, shortest round-trip numbers) makes the hash independent of dictionary order.
public enum RequestFingerprint {
    public static func canonical(_ request: ChatRequest) -> JSONValue {
        var fields: [String: JSONValue] = [
            "kind": .string("chat"),
            "model": .string(request.model),
            "messages": .array(request.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
            "stop": .array(request.stop.map(JSONValue.string)),
        ]
        fields["temperature"] = request.temperature.map(JSONValue.double)
        fields["top_p"] = request.topP.map(JSONValue.double)
        fields["max_tokens"] = request.maxTokens.map(JSONValue.int)
        fields["seed"] = request.seed.map(JSONValue.int)
        fields["top_logprobs"] = request.topLogprobs.map(JSONValue.int)
        if let schema = request.outputSchema {
            fields["response_format"] = .object(["name": .string(request.schemaName), "schema": schema])
        }
        return .object(fields)
    }

    public static func canonical(embedding texts: [String], model: String) -> JSONValue {
        .object(["kind": .string("embeddings"), "model": .string(model), "input": .array(texts.map(JSONValue.string))])
    }

    /// SHA-256 of the canonical JSON text, in hex.
    public static func of(_ canonical: JSONValue) -> String {
        SHA256.hex(CanonicalJSON.string(canonical))
    }
}
