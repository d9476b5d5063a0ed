import Foundation
import GenCore

/// OpenAI's batch API on the wire: the JSONL input file, its multipart upload to `/v1/files`, the batch object
/// `/v1/batches` answers with, and the lines of the output and error files.
enum BatchWireFormat {
    /// The endpoint every line of a Gen batch calls (also the batch's `endpoint`).
    static let chatEndpoint = "/v1/chat/completions"

    /// One input line: `{"body": ..., "custom_id": ..., "method": "POST", "url": "/v1/chat/completions"}`, the body
    /// exactly the online client's.
    static func inputLine(customID: String, body: Data) -> String {
        let request = CanonicalJSON.parse(String(decoding: body, as: UTF8.self)) ?? .null
        return CanonicalJSON.string(.object([
            "custom_id": .string(customID), "method": .string("POST"), "url": .string(chatEndpoint), "body": request,
        ]))
    }

    /// A `multipart/form-data` body with `purpose=batch` and the file; returns the body and its content type.
    static func upload(file: Data, filename: String, boundary: String) -> (body: Data, contentType: String) {
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n".utf8))
        body.append(Data(("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n"
            + "Content-Type: application/jsonl\r\n\r\n").utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// The `{"input_file_id", "endpoint", "completion_window"}` body of `POST /v1/batches`.
    static func createBody(inputFileID: String, completionWindow: String) -> Data {
        Data(CanonicalJSON.string(.object([
            "input_file_id": .string(inputFileID), "endpoint": .string(chatEndpoint),
            "completion_window": .string(completionWindow),
        ])).utf8)
    }

    /// The `id` of an uploaded file (`{"id": "file-...", "object": "file", ...}`).
    static func fileID(_ body: Data) throws(WireError) -> String {
        guard let id = try WireError.parseJSON(body)["id"]?.stringValue, !id.isEmpty else {
            throw WireError("the file upload answer has no `id`")
        }
        return id
    }

    /// The batch object as far as Gen reads it.
    static func batch(_ body: Data) throws(WireError) -> BatchObject {
        let value = try WireError.parseJSON(body)
        guard let id = value["id"]?.stringValue, let status = value["status"]?.stringValue else {
            throw WireError("the batch answer has no `id` or `status`")
        }
        let errors = value["errors"]?["data"]?.arrayValue?.compactMap { error -> String? in
            guard let message = error["message"]?.stringValue else { return nil }
            let code = error["code"]?.stringValue.map { "\($0): " } ?? ""
            let line = error["line"]?.doubleValue.map { " (line \(Int($0)))" } ?? ""
            return code + message + line
        } ?? []
        return BatchObject(
            id: id, status: BatchStatus(rawValue: status), outputFileID: value["output_file_id"]?.stringValue,
            errorFileID: value["error_file_id"]?.stringValue, errors: errors,
            done: value["request_counts"].flatMap { counts in
                counts["completed"]?.doubleValue.map { Int($0) + Int(counts["failed"]?.doubleValue ?? 0) }
            },
            total: value["request_counts"]?["total"]?.doubleValue.map { Int($0) })
    }

    /// The lines of an output or error file, by `custom_id` (lines that are not JSON or lack one are skipped).
    static func results(_ content: Data) -> [String: BatchLineResult] {
        var results: [String: BatchLineResult] = [:]
        for line in String(decoding: content, as: UTF8.self).split(whereSeparator: \.isNewline) {
            guard let value = CanonicalJSON.parse(String(line)), let customID = value["custom_id"]?.stringValue else { continue }
            let response = value["response"]
            let status = response?["status_code"]?.doubleValue.map { Int($0) }
            let body = response?["body"]
            var message: String?
            if let error = value["error"], error != .null {
                message = [error["code"]?.stringValue, error["message"]?.stringValue].compactMap { $0 }.joined(separator: ": ")
            } else if let body, let status, !(200..<300).contains(status) {
                message = ServerMessage.extract(from: Data(CanonicalJSON.string(body).utf8))
            }
            results[customID] = BatchLineResult(status: status, body: body.flatMap { $0 == .null ? nil : $0 }, message: message)
        }
        return results
    }
}

/// A batch's `status`: validating, in_progress, finalizing, completed, failed, expired, cancelling, cancelled.
struct BatchStatus: RawRepresentable, Sendable, Hashable {
    var rawValue: String

    static let completed = BatchStatus(rawValue: "completed")
    static let failed = BatchStatus(rawValue: "failed")
    static let expired = BatchStatus(rawValue: "expired")
    static let cancelled = BatchStatus(rawValue: "cancelled")

    /// Whether the batch will not change any more (its files are final).
    var isTerminal: Bool { [.completed, .failed, .expired, .cancelled].contains(self) }
}

/// What Gen reads of a batch object.
struct BatchObject: Sendable {
    var id: String
    var status: BatchStatus
    var outputFileID: String?
    var errorFileID: String?
    /// `errors.data`, each as "code: message (line n)".
    var errors: [String]
    /// `request_counts.completed + failed`.
    var done: Int?
    var total: Int?
}

/// One line of an output or error file.
struct BatchLineResult: Sendable {
    /// `response.status_code`; nil when the line has no response (an expired or cancelled request).
    var status: Int?
    /// `response.body`: the chat completion when the status is 2xx.
    var body: JSONValue?
    /// Why the line failed: `error` (code: message) or the body's error message.
    var message: String?

    /// The chat completion, when the request succeeded.
    var completion: JSONValue? {
        guard let status, (200..<300).contains(status), message == nil else { return nil }
        return body
    }
}
