/// Why a model call failed, with a message a user can act on.
///
/// Messages never contain the API key: everything a server sends back is redacted before it is stored here.
public enum LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at the URL (connection refused, unknown host). Stops the run.
    case unreachable(url: String, reason: String, hint: String)
    /// The configured base URL is not an http(s) URL. Stops the run.
    case invalidURL(url: String)
    /// The model names an API-key environment variable that is not set. Stops the run.
    case missingAPIKey(variable: String)
    /// HTTP 401/403. Stops the run.
    case unauthorized(url: String, status: Int, keyVariable: String?, serverMessage: String)
    /// HTTP 404: wrong base URL or a model the server does not serve. Stops the run.
    case notFound(url: String, path: String, serverMessage: String)
    /// HTTP 400/422 and other client errors: the server refused this request.
    case badRequest(url: String, status: Int, serverMessage: String)
    /// HTTP 429 until the retries ran out.
    case rateLimited(url: String, attempts: Int)
    /// HTTP 5xx until the retries ran out.
    case serverError(url: String, status: Int, serverMessage: String, attempts: Int)
    /// No answer within the timeout, on every attempt.
    case timeout(url: String, seconds: Double, attempts: Int)
    /// The connection broke mid-request on every attempt.
    case connectionLost(url: String, reason: String, attempts: Int)
    /// The server answered 2xx with something that is not an OpenAI-compatible response.
    case malformedResponse(url: String, reason: String)
    /// Batch mode: the whole batch ended `failed` (the server's errors, e.g. a line it could not validate).
    case batchFailed(url: String, batchID: String, serverMessage: String)
    /// Batch mode: this request's line failed (non-2xx `status_code`, an error line, or no result) in every
    /// batch it was submitted to.
    case batchLineFailed(url: String, batchID: String, status: Int?, serverMessage: String, attempts: Int)
    /// Replay: the cassette holds no answer for this request (the message names it). Stops the run.
    case notRecorded(message: String)
    /// Batch mode: the run was asked to stop while the request waited on a batch. The batch stays on the server
    /// and in the run store's journal; `--resume` collects it instead of paying for it again. Stops the run.
    case batchWaitStopped(url: String, batchID: String?)

    /// True for failures that every later request would hit too (server down, wrong URL, bad key):
    /// the run stops early instead of failing every sample.
    public var stopsRun: Bool {
        switch self {
        case .unreachable, .invalidURL, .missingAPIKey, .unauthorized, .notFound, .batchWaitStopped, .notRecorded: return true
        case .badRequest, .rateLimited, .serverError, .timeout, .connectionLost, .malformedResponse, .batchFailed, .batchLineFailed:
            return false
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let url, let reason, let hint):
            return "cannot reach the model server at \(url) (\(reason)). \(hint)"
        case .invalidURL(let url):
            return "the model base URL `\(url)` is not an http(s) URL such as http://127.0.0.1:8080/v1"
        case .missingAPIKey(let variable):
            return "the API key variable \(variable) is not set. Export it (`export \(variable)=...`) "
                + "or drop the model's API-key setting for a server that needs none."
        case .unauthorized(let url, let status, let keyVariable, let message):
            let advice = keyVariable.map { "Check the key in \($0)." }
                ?? "This server needs an API key: name its environment variable in the model's settings."
            return "the model server at \(url) refused the request as unauthorized (HTTP \(status)): \(message). \(advice)"
        case .notFound(let url, let path, let message):
            return "the model server at \(url) has no \(path) or does not serve the model (HTTP 404: \(message)). "
                + "Check that the base URL ends with /v1 and that the model name is one the server serves."
        case .badRequest(let url, let status, let message):
            return "the model server at \(url) rejected the request (HTTP \(status)): \(message)"
        case .rateLimited(let url, let attempts):
            return "the model server at \(url) still answered 429 Too Many Requests after \(Self.attempts(attempts)). "
                + "Lower the model's max_concurrency or try again later."
        case .serverError(let url, let status, let message, let attempts):
            return "the model server at \(url) failed with HTTP \(status) after \(Self.attempts(attempts)): \(message)"
        case .timeout(let url, let seconds, let attempts):
            return "the model server at \(url) did not answer within \(Self.format(seconds)) s "
                + "(\(Self.attempts(attempts))). Raise the model's timeout or lower max_tokens."
        case .connectionLost(let url, let reason, let attempts):
            return "the connection to the model server at \(url) broke (\(reason)) after \(Self.attempts(attempts))."
        case .malformedResponse(let url, let reason):
            return "the model server at \(url) sent a response Gen cannot read: \(reason). "
                + "Is the base URL an OpenAI-compatible /v1 endpoint?"
        case .batchFailed(let url, let batchID, let message):
            return "the batch API at \(url) failed batch \(batchID) as a whole: \(message)"
        case .batchLineFailed(let url, let batchID, let status, let message, let attempts):
            let code = status.map { "HTTP \($0): " } ?? ""
            return "the batch API at \(url) failed this request in batch \(batchID) after \(Self.attempts(attempts)) "
                + "(\(code)\(message))"
        case .batchWaitStopped(let url, let batchID):
            let which = batchID.map { "batch \($0)" } ?? "a batch"
            return "stopped while waiting on \(which) at \(url); it stays on the server and `gen run --resume` collects it "
                + "without paying again"
        case .notRecorded(let message):
            return message
        }
    }

    private static func attempts(_ count: Int) -> String {
        count == 1 ? "1 attempt" : "\(count) attempts"
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
