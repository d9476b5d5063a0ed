import GenPipeline

/// The model providers `Engine.clients(for:)` builds clients for: `openai(...)`, any OpenAI-compatible server.
enum ModelProviders {
    static let openai = KindSpec(family: "model", name: "openai", parameters: [
        ParameterSpec(name: "base_url", type: .string, isRequired: true, summary: "the server's /v1 URL"),
        ParameterSpec(name: "model", type: .string, isRequired: true, summary: "the model name sent to the server"),
        ParameterSpec(name: "api_key_env", type: .string, summary: "environment variable holding the API key"),
        ParameterSpec(name: "max_concurrency", type: .int, defaultValue: .int(4), minimum: 1, maximum: 1024, summary: "parallel requests"),
        ParameterSpec(name: "timeout", type: .float, defaultValue: .double(60), minimum: 0, minimumExclusive: true,
                      summary: "seconds per request"),
        ParameterSpec(name: "max_retries", type: .int, defaultValue: .int(2), minimum: 0, maximum: 20, summary: "retries per request"),
    ], summary: "an OpenAI-compatible endpoint")
}
