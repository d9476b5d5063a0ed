import Foundation
import GenCore
import Synchronization

/// A stub of OpenAI's batch API on loopback: `POST /v1/files` (multipart, purpose `batch`), `GET /v1/files/{id}`
/// and `/content`, `POST /v1/batches`, `GET /v1/batches/{id}`, `POST /v1/batches/{id}/cancel`, plus `/v1/models`
/// and online `/v1/chat/completions`.
///
/// A batch is validated when it is created (bad JSONL, a method other than POST, another url, a repeated custom_id:
/// it fails as a whole with `errors`), then goes validating -> in_progress -> finalizing -> its end over the
/// retrieves its `Plan` sets. At its end each line is answered with `answer` (the SMS stub by default) into the
/// output file, or written to the error file: lines the plan fails (with their status code and an error body),
/// and, for an expired batch, the lines past those it completed (`batch_expired`, no response). `request_counts`
/// follow; the files list lines in reverse input order (the API promises no order). While `held`, batches stay in
/// progress (a run can be stopped or killed meanwhile).
public final class StubBatchServer: Sendable {
    /// How one batch goes.
    public struct Plan: Sendable {
        /// Retrieves answered before the batch ends (the last of them says `finalizing`).
        public var polls: Int
        public var outcome: Outcome
        /// A status code for a line that fails (e.g. 500), from its request body; nil answers it.
        public var failLine: @Sendable (_ body: JSONValue) -> Int?

        public init(polls: Int = 2, outcome: Outcome = .completed, failLine: @escaping @Sendable (JSONValue) -> Int? = { _ in nil }) {
            self.polls = polls
            self.outcome = outcome
            self.failLine = failLine
        }
    }

    public enum Outcome: Sendable {
        case completed
        /// The completion window ran out after this many lines were done.
        case expired(completing: Int)
        /// The batch fails as a whole with this error message.
        case failed(String)
    }

    /// A batch as created: its id and its lines' custom ids and request bodies, in file order.
    public struct CreatedBatch: Sendable {
        public var id: String
        public var customIDs: [String]
        public var bodies: [JSONValue]
    }

    private struct StoredFile {
        var purpose: String
        var filename: String
        var content: Data
    }

    private struct Batch {
        var number: Int
        var inputFileID: String
        var plan: Plan
        var lines: [(customID: String, body: JSONValue)]
        var status: String
        var retrieves = 0
        var errors: [JSONValue] = []
        var outputFileID: String?
        var errorFileID: String?
        var completed = 0
        var failed = 0
        let createdAt = Int(Date().timeIntervalSince1970)
    }

    private struct State {
        var files: [String: StoredFile] = [:]
        var batches: [String: Batch] = [:]
        var created: [CreatedBatch] = []
        var answered = 0
        var held = false
        var nextID = 0
    }

    /// The state the server's threads share.
    private final class Shared: Sendable {
        let state = Mutex(State())
    }

    private let server: StubHTTPServer
    private let shared = Shared()

    /// `planner` decides each batch's plan from its number (0-based, in creation order) and its line count.
    public init(
        model: String = "smollm2", apiKey: String? = nil,
        planner: @escaping @Sendable (_ number: Int, _ lines: Int) -> Plan = { _, _ in Plan() },
        answer: @escaping @Sendable (StubRequest) -> StubResponse = StubModelServer.answer
    ) throws {
        let state = shared
        server = try StubHTTPServer { request, _ in
            if let apiKey, request.header("Authorization") != "Bearer \(apiKey)" {
                return .json(.object(["error": .object(["message": .string("Incorrect API key provided")])]), status: 401)
            }
            return Self.route(request, state: state, model: model, planner: planner, answer: answer)
        }
    }

    public var baseURL: String { server.baseURL }
    public var requests: [StubRequest] { server.requests }
    public func stop() { server.stop() }

    /// Batches stay in progress while true.
    public var held: Bool {
        get { shared.state.withLock { $0.held } }
        set { shared.state.withLock { $0.held = newValue } }
    }

    /// Every batch created so far, in order.
    public var createdBatches: [CreatedBatch] { shared.state.withLock { $0.created } }

    /// Lines answered so far: what a hosted API would bill.
    public var answeredLines: Int { shared.state.withLock { $0.answered } }

    // MARK: Routes

    private static func route(
        _ request: StubRequest, state: Shared, model: String, planner: @Sendable (Int, Int) -> Plan,
        answer: @Sendable (StubRequest) -> StubResponse
    ) -> StubResponse {
        let parts = request.route.split(separator: "/").map(String.init).drop { $0 == "v1" }.map { $0 }
        switch (request.method, parts.first, parts.count) {
        case ("GET", "models", 1):
            return .json(.object(["object": .string("list"), "data": .array([.object(["id": .string(model)])])]))
        case ("POST", "chat", _):
            return answer(request)
        case ("POST", "files", 1):
            return upload(request, state: state)
        case ("GET", "files", 2), ("GET", "files", 3):
            return state.state.withLock { state in
                guard let file = state.files[parts[1]] else { return notFound("file", parts[1]) }
                if parts.count == 3 { return StubResponse(headers: ["Content-Type": "application/octet-stream"], body: file.content) }
                return .json(fileObject(parts[1], file))
            }
        case ("POST", "batches", 1):
            return create(request, state: state, planner: planner)
        case ("GET", "batches", 2):
            return state.state.withLock { state in
                advance(parts[1], in: &state, answer: answer)
                guard let batch = state.batches[parts[1]] else { return notFound("batch", parts[1]) }
                return .json(batchObject(parts[1], batch))
            }
        case ("POST", "batches", 3) where parts[2] == "cancel":
            return state.state.withLock { state in
                guard var batch = state.batches[parts[1]] else { return notFound("batch", parts[1]) }
                if !isTerminal(batch.status) { batch.status = "cancelling" }
                state.batches[parts[1]] = batch
                return .json(batchObject(parts[1], batch))
            }
        default:
            return notFound("route", request.route)
        }
    }

    private static func upload(_ request: StubRequest, state: Shared) -> StubResponse {
        guard let type = request.header("Content-Type"), type.hasPrefix("multipart/form-data"),
              let boundary = type.components(separatedBy: "boundary=").last else {
            return invalid("Content-Type must be multipart/form-data")
        }
        let fields = multipart(request.body, boundary: boundary)
        guard let purpose = fields["purpose"].map({ String(decoding: $0.content, as: UTF8.self) }), purpose == "batch" else {
            return invalid("purpose must be 'batch'")
        }
        guard let file = fields["file"] else { return invalid("no file part") }
        return state.state.withLock { state in
            state.nextID += 1
            let id = "file-stub\(state.nextID)"
            let stored = StoredFile(purpose: purpose, filename: file.filename ?? "upload.jsonl", content: file.content)
            state.files[id] = stored
            return .json(fileObject(id, stored))
        }
    }

    private static func create(_ request: StubRequest, state: Shared, planner: @Sendable (Int, Int) -> Plan) -> StubResponse {
        guard let body = request.json, let fileID = body["input_file_id"]?.stringValue else { return invalid("input_file_id is required") }
        guard body["endpoint"]?.stringValue == "/v1/chat/completions" else { return invalid("unsupported endpoint") }
        guard body["completion_window"]?.stringValue == "24h" else { return invalid("completion_window must be '24h'") }
        return state.state.withLock { state in
            guard let file = state.files[fileID], file.purpose == "batch" else { return notFound("file", fileID) }
            var lines: [(String, JSONValue)] = []
            var errors: [JSONValue] = []
            var seen: Set<String> = []
            for (number, text) in String(decoding: file.content, as: UTF8.self).split(whereSeparator: \.isNewline).enumerated() {
                let line = CanonicalJSON.parse(String(text))
                let problem: String? = switch (line?["custom_id"]?.stringValue, line?["method"]?.stringValue, line?["url"]?.stringValue) {
                case (nil, _, _): "the line is not JSON with a custom_id"
                case (let id?, _, _) where seen.contains(id): "the custom_id \(id) is used more than once"
                case (_, let method, _) where method != "POST": "method must be POST"
                case (_, _, let url) where url != "/v1/chat/completions": "url must match the batch's endpoint"
                default: nil
                }
                if let problem {
                    errors.append(.object(["code": .string("invalid_request"), "message": .string(problem), "line": .int(number + 1)]))
                } else if let line, let id = line["custom_id"]?.stringValue {
                    seen.insert(id)
                    lines.append((id, line["body"] ?? .null))
                }
            }
            let number = state.created.count
            state.nextID += 1
            let id = "batch_stub\(state.nextID)"
            var plan = planner(number, lines.count)
            if !errors.isEmpty { plan.outcome = .failed("") }
            var batch = Batch(number: number, inputFileID: fileID, plan: plan, lines: lines, status: "validating")
            batch.errors = errors
            state.batches[id] = batch
            state.created.append(CreatedBatch(id: id, customIDs: lines.map(\.0), bodies: lines.map(\.1)))
            return .json(batchObject(id, batch))
        }
    }

    /// One retrieve: the batch moves a step, and at its end its lines are answered into its files.
    private static func advance(_ id: String, in state: inout State, answer: @Sendable (StubRequest) -> StubResponse) {
        guard var batch = state.batches[id], !isTerminal(batch.status) else { return }
        defer { state.batches[id] = batch }
        if batch.status == "cancelling" {
            finish(&batch, status: "cancelled", completing: 0, state: &state, answer: answer)
            return
        }
        if state.held {
            batch.status = "in_progress"
            return
        }
        batch.retrieves += 1
        if batch.retrieves < batch.plan.polls {
            batch.status = batch.retrieves == batch.plan.polls - 1 ? "finalizing" : "in_progress"
            return
        }
        switch batch.plan.outcome {
        case .completed:
            finish(&batch, status: "completed", completing: batch.lines.count, state: &state, answer: answer)
        case .expired(let completing):
            finish(&batch, status: "expired", completing: completing, state: &state, answer: answer)
        case .failed(let message):
            batch.status = "failed"
            if batch.errors.isEmpty { batch.errors = [.object(["code": .string("batch_failed"), "message": .string(message)])] }
        }
    }

    private static func finish(
        _ batch: inout Batch, status: String, completing: Int, state: inout State, answer: @Sendable (StubRequest) -> StubResponse
    ) {
        var output = ""
        var errors = ""
        // Backwards: the API does not keep input order, so a client must map lines by custom_id.
        for (position, line) in batch.lines.enumerated().reversed() {
            let requestID = "req_stub\(batch.number)_\(position)"
            guard position < completing else {
                let code = status == "cancelled" ? "batch_cancelled" : "batch_expired"
                errors += CanonicalJSON.string(.object([
                    "id": .string("batch_req_\(requestID)"), "custom_id": .string(line.customID), "response": .null,
                    "error": .object(["code": .string(code), "message": .string(
                        "This request could not be executed before the batch ended (\(status)).")]),
                ])) + "\n"
                batch.failed += 1
                continue
            }
            state.answered += 1
            if let failure = batch.plan.failLine(line.body) {
                errors += CanonicalJSON.string(.object([
                    "id": .string("batch_req_\(requestID)"), "custom_id": .string(line.customID), "error": .null,
                    "response": .object(["status_code": .int(failure), "request_id": .string(requestID), "body": .object([
                        "error": .object(["message": .string("The server had an error processing your request."), "type": .string("server_error")]),
                    ])]),
                ])) + "\n"
                batch.failed += 1
                continue
            }
            let reply = answer(StubRequest(method: "POST", path: "/v1/chat/completions", headers: [:],
                                           body: Data(CanonicalJSON.string(line.body).utf8)))
            output += CanonicalJSON.string(.object([
                "id": .string("batch_req_\(requestID)"), "custom_id": .string(line.customID), "error": .null,
                "response": .object(["status_code": .int(reply.status), "request_id": .string(requestID),
                                     "body": CanonicalJSON.parse(String(decoding: reply.body, as: UTF8.self)) ?? .null]),
            ])) + "\n"
            batch.completed += 1
        }
        batch.status = status
        if !output.isEmpty { batch.outputFileID = store(output, purpose: "batch_output", in: &state) }
        if !errors.isEmpty { batch.errorFileID = store(errors, purpose: "batch_output", in: &state) }
    }

    private static func store(_ content: String, purpose: String, in state: inout State) -> String {
        state.nextID += 1
        let id = "file-stub\(state.nextID)"
        state.files[id] = StoredFile(purpose: purpose, filename: "\(id).jsonl", content: Data(content.utf8))
        return id
    }

    // MARK: Bodies

    private static func isTerminal(_ status: String) -> Bool {
        ["completed", "failed", "expired", "cancelled"].contains(status)
    }

    private static func batchObject(_ id: String, _ batch: Batch) -> JSONValue {
        let optional = { (text: String?) -> JSONValue in text.map(JSONValue.string) ?? .null }
        return .object([
            "id": .string(id), "object": .string("batch"), "endpoint": .string("/v1/chat/completions"),
            "errors": batch.errors.isEmpty ? .null : .object(["object": .string("list"), "data": .array(batch.errors)]),
            "input_file_id": .string(batch.inputFileID), "completion_window": .string("24h"), "status": .string(batch.status),
            "output_file_id": optional(batch.outputFileID), "error_file_id": optional(batch.errorFileID),
            "created_at": .int(batch.createdAt), "expires_at": .int(batch.createdAt + 86_400),
            "request_counts": .object([
                "total": .int(batch.lines.count), "completed": .int(batch.completed), "failed": .int(batch.failed),
            ]),
            "metadata": .null,
        ])
    }

    private static func fileObject(_ id: String, _ file: StoredFile) -> JSONValue {
        .object([
            "id": .string(id), "object": .string("file"), "bytes": .int(file.content.count), "created_at": .int(0),
            "filename": .string(file.filename), "purpose": .string(file.purpose),
        ])
    }

    private static func invalid(_ message: String) -> StubResponse {
        .json(.object(["error": .object(["message": .string(message), "type": .string("invalid_request_error")])]), status: 400)
    }

    private static func notFound(_ what: String, _ id: String) -> StubResponse {
        .json(.object(["error": .object(["message": .string("No such \(what): \(id)"), "type": .string("invalid_request_error")])]),
              status: 404)
    }

    /// The parts of a multipart/form-data body by field name.
    private static func multipart(_ body: Data, boundary: String) -> [String: (filename: String?, content: Data)] {
        var fields: [String: (String?, Data)] = [:]
        let delimiter = Data("--\(boundary)".utf8)
        var rest = body[...]
        while let start = rest.range(of: delimiter) {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: delimiter) else { break }
            let part = rest[..<end.lowerBound]
            guard let split = part.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: part[..<split.lowerBound], as: UTF8.self)
            var content = Data(part[split.upperBound...])
            if content.suffix(2) == Data("\r\n".utf8) { content.removeLast(2) }
            guard let name = value(of: "name", in: head) else { continue }
            fields[name] = (value(of: "filename", in: head), content)
        }
        return fields
    }

    private static func value(of key: String, in head: String) -> String? {
        guard let range = head.range(of: " \(key)=\"") ?? head.range(of: ";\(key)=\"") else { return nil }
        return head[range.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}
