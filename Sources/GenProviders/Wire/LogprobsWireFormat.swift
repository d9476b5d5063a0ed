import GenCore

/// Reads token log-probabilities in both shapes servers send:
/// chat style `{"content": [{"token", "logprob", "top_logprobs": [{"token", "logprob"}]}]}` (OpenAI, vLLM)
/// and completion style `{"tokens": [...], "token_logprobs": [...], "top_logprobs": [{token: logprob}]}`
/// (llama-cpp-python's chat endpoint).
enum LogprobsWireFormat {
    static func decode(_ value: JSONValue?) -> [TokenLogprob] {
        guard let value else { return [] }
        if let content = value["content"]?.arrayValue {
            return content.compactMap(chatStyleToken)
        }
        if let tokens = value["tokens"]?.arrayValue {
            return completionStyle(tokens: tokens, value: value)
        }
        return []
    }

    private static func chatStyleToken(_ entry: JSONValue) -> TokenLogprob? {
        guard let token = entry["token"]?.stringValue, let logprob = entry["logprob"]?.doubleValue else { return nil }
        let alternatives = (entry["top_logprobs"]?.arrayValue ?? []).compactMap { item -> TokenAlternative? in
            guard let text = item["token"]?.stringValue, let lp = item["logprob"]?.doubleValue else { return nil }
            return TokenAlternative(token: text, logprob: lp)
        }
        return TokenLogprob(token: token, logprob: logprob, alternatives: alternatives)
    }

    private static func completionStyle(tokens: [JSONValue], value: JSONValue) -> [TokenLogprob] {
        let logprobs = value["token_logprobs"]?.arrayValue ?? []
        let tops = value["top_logprobs"]?.arrayValue ?? []
        return tokens.enumerated().compactMap { index, token in
            guard let text = token.stringValue else { return nil }
            let logprob = index < logprobs.count ? logprobs[index].doubleValue : nil
            let alternatives = index < tops.count
                ? (tops[index].objectValue ?? [:]).compactMap { key, lp in lp.doubleValue.map { TokenAlternative(token: key, logprob: $0) } }
                : []
            guard let logprob = logprob ?? alternatives.first(where: { $0.token == text })?.logprob else { return nil }
            return TokenLogprob(token: text, logprob: logprob, alternatives: alternatives)
        }
    }
}
