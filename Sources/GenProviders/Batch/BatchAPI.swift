import Foundation

/// The HTTP calls of OpenAI's batch API, each through the client's retrying sender (429 and 5xx retried,
/// the key redacted from every message).
struct BatchAPI: Sendable {
    let sender: RetryingSender

    /// `POST /files` (multipart, purpose `batch`): the input file's id.
    func upload(_ jsonl: Data) async throws -> String {
        let boundary = "gen-batch-" + UUID().uuidString
        let (body, contentType) = BatchWireFormat.upload(file: jsonl, filename: "gen-batch.jsonl", boundary: boundary)
        let delivery = try await sender.sendRaw("POST", path: "files", body: body, contentType: contentType)
        do {
            return try BatchWireFormat.fileID(delivery.value)
        } catch {
            throw LLMError.malformedResponse(url: sender.redactedURL, reason: error.reason)
        }
    }

    /// `POST /batches` for the uploaded file.
    func create(inputFileID: String, completionWindow: String) async throws -> BatchObject {
        let body = BatchWireFormat.createBody(inputFileID: inputFileID, completionWindow: completionWindow)
        return try read(try await sender.sendRaw("POST", path: "batches", body: body)) { body throws(WireError) in try BatchWireFormat.batch(body) }
    }

    /// `GET /batches/{id}`.
    func retrieve(_ batchID: String) async throws -> BatchObject {
        try read(try await sender.sendRaw("GET", path: "batches/\(Self.escaped(batchID))", body: nil)) { body throws(WireError) in
            try BatchWireFormat.batch(body)
        }
    }

    /// `GET /files/{id}/content`: an output or error file's lines by `custom_id`, their messages redacted.
    func results(ofFile fileID: String) async throws -> [String: BatchLineResult] {
        let content = try await sender.sendRaw("GET", path: "files/\(Self.escaped(fileID))/content", body: nil).value
        return BatchWireFormat.results(content).mapValues { result in
            var result = result
            result.message = result.message.map(sender.redact)
            return result
        }
    }

    private func read(_ delivery: RetryingSender.Delivery<Data>, _ decode: (Data) throws(WireError) -> BatchObject) throws -> BatchObject {
        do {
            var object = try decode(delivery.value)
            object.errors = object.errors.map(sender.redact)
            return object
        } catch {
            throw LLMError.malformedResponse(url: sender.redactedURL, reason: error.reason)
        }
    }

    /// An id as a path segment (ids are `batch_...` / `file-...`; anything else is escaped rather than trusted).
    private static func escaped(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? id
    }
}

/// How a batch-mode client batches: poll interval, linger, size cap and completion window.
public struct BatchSettings: Sendable, Hashable {
    /// Seconds between `GET /batches/{id}` polls.
    public var pollInterval: Double
    /// A batch is sent once no new request has arrived for this long (the calls of one run batch arrive together).
    public var linger: Double
    /// Most requests in one batch file (OpenAI takes up to 50,000); more are sent as further batches.
    public var maxLines: Int
    /// The batch's `completion_window` (OpenAI accepts "24h").
    public var completionWindow: String

    public init(pollInterval: Double = 30, linger: Double = 0.15, maxLines: Int = 5_000, completionWindow: String = "24h") {
        self.pollInterval = max(0.001, pollInterval)
        self.linger = max(0, linger)
        self.maxLines = max(1, maxLines)
        self.completionWindow = completionWindow
    }
}

/// Where a batch stands, as a status line shows it: reported when a poll finds its status or count changed.
public struct BatchProgress: Sendable, Hashable {
    public var batchID: String
    /// validating, in_progress, finalizing, completed, failed, expired, cancelling or cancelled.
    public var status: String
    /// `request_counts`: lines done (completed or failed) and in all, when the server says.
    public var done: Int?
    public var total: Int?

    public init(batchID: String, status: String, done: Int? = nil, total: Int? = nil) {
        self.batchID = batchID
        self.status = status
        self.done = done
        self.total = total
    }
}
