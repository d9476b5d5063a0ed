import GenPipeline

/// The model providers `Engine.clients(for:)` builds clients for: `openai(...)`, any OpenAI-compatible server.
enum ModelProviders {
    static let openai = KindSpec(family: "model", name: "openai", parameters: [
        ParameterSpec(name: "base_url", type: .string, summary: "the server's /v1 URL (or `base_urls` for a pool)"),
        ParameterSpec(name: "base_urls", type: .list(.string), defaultValue: .null,
                      summary: "several servers' /v1 URLs as one pool: balanced, with failover"),
        ParameterSpec(name: "model", type: .string, isRequired: true, summary: "the model name sent to the server"),
        ParameterSpec(name: "api_key_env", type: .string, summary: "environment variable holding the API key"),
        ParameterSpec(name: "max_concurrency", type: .int, defaultValue: .int(4), minimum: 1, maximum: 1024,
                      summary: "parallel requests per server (the ceiling of the adaptive limit)"),
        ParameterSpec(name: "adaptive", type: .bool, defaultValue: .bool(true),
                      summary: "lower the concurrency on 429s, 5xx, timeouts and slow answers, and raise it back (AIMD)"),
        ParameterSpec(name: "rpm", type: .int, defaultValue: .null, minimum: 1, summary: "requests per minute allowed per server"),
        ParameterSpec(name: "tpm", type: .int, defaultValue: .null, minimum: 1, summary: "tokens per minute allowed per server"),
        ParameterSpec(name: "timeout", type: .float, defaultValue: .double(60), minimum: 0, minimumExclusive: true,
                      summary: "seconds per request"),
        ParameterSpec(name: "max_retries", type: .int, defaultValue: .int(2), minimum: 0, maximum: 20, summary: "retries per request"),
        ParameterSpec(name: "price", type: .record(fields: [:], open: true), defaultValue: .null, fields: [
            ParameterSpec(name: "input", type: .float, isRequired: true, minimum: 0, summary: "dollars per million prompt tokens"),
            ParameterSpec(name: "output", type: .float, isRequired: true, minimum: 0, summary: "dollars per million completion tokens"),
        ], summary: "dollars per million tokens, {input: 0.15, output: 0.60}; costs are unknown without it"),
        ParameterSpec(name: "license", type: .string, defaultValue: .null,
                      summary: "the model's license (\"apache-2.0\", \"llama3.1\", ...), named in the dataset card's model table"),
        ParameterSpec(name: "mode", type: .string, defaultValue: .string("online"), choices: ["online", "batch"],
                      summary: "way chat requests are sent: \"online\" one by one, or \"batch\" through the batch API (/v1/files + /v1/batches)"),
        ParameterSpec(name: "batch_poll", type: .float, defaultValue: .double(BatchModeNode.defaultPollSeconds), minimum: 0,
                      minimumExclusive: true, summary: "seconds between polls of a batch's status (mode: \"batch\")"),
    ], summary: "an OpenAI-compatible endpoint")
}
