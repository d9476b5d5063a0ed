import GenCore

/// One model call in a cassette: the request's fingerprint and which identical call it was (the occurrence,
/// 0-based), who asked, the canonical request (for review and for explaining a miss), and the answer or the
/// failure the call ended in.
public struct CassetteExchange: Sendable, Equatable {
    public var fingerprint: String
    public var occurrence: Int
    public var caller: String?
    public var request: JSONValue
    public var outcome: Outcome

    public enum Outcome: Sendable, Equatable {
        case response(JSONValue)
        /// A failure the run lived through (a slot rejected, a check retried); its message is replayed as is.
        case failure(String)
    }

    public init(fingerprint: String, occurrence: Int, caller: String?, request: JSONValue, outcome: Outcome) {
        self.fingerprint = fingerprint
        self.occurrence = occurrence
        self.caller = caller
        self.request = request
        self.outcome = outcome
    }

    /// One JSONL line; canonical JSON, so the same exchange is always the same bytes.
    public var line: String {
        var fields: [String: JSONValue] = [
            "fingerprint": .string(fingerprint), "occurrence": .int(occurrence), "request": request,
        ]
        fields["caller"] = caller.map(JSONValue.string)
        switch outcome {
        case .response(let response): fields["response"] = response
        case .failure(let message): fields["error"] = .string(message)
        }
        return CanonicalJSON.string(.object(fields))
    }

    public init(line: String) throws(CassetteFormatError) {
        guard let value = CanonicalJSON.parse(line), value.objectValue != nil else {
            throw CassetteFormatError("not a JSON object")
        }
        guard let fingerprint = value["fingerprint"]?.stringValue, !fingerprint.isEmpty else {
            throw CassetteFormatError("missing `fingerprint`")
        }
        guard let occurrence = CassetteResponse.int(value["occurrence"]), occurrence >= 0 else {
            throw CassetteFormatError("missing or negative `occurrence`")
        }
        guard let request = value["request"] else { throw CassetteFormatError("missing `request`") }
        if let response = value["response"] {
            outcome = .response(response)
        } else if let message = value["error"]?.stringValue {
            outcome = .failure(message)
        } else {
            throw CassetteFormatError("needs `response` or `error`")
        }
        self.fingerprint = fingerprint
        self.occurrence = occurrence
        self.caller = value["caller"]?.stringValue
        self.request = request
    }
}
