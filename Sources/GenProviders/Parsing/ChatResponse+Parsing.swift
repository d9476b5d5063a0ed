import GenCore

extension ChatResponse {
    /// The response text parsed as `shape`. When the text was cut off because the model ran out of
    /// `max_tokens`, the rejection says so, since raising the limit is then the fix.
    public func parsedOutput(as shape: OutputShape) -> Result<JSONValue, OutputRejection> {
        let result = ModelOutputParser.parse(text, as: shape)
        guard case .failure(let rejection) = result, finishReason == .length else { return result }
        return .failure(OutputRejection(rejection.reason + " (the model stopped at max_tokens; raise max_tokens)"))
    }
}
