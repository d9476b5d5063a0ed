import GenCore

/// The message for a request a cassette does not hold: who asked, what (an excerpt of the prompt), its
/// fingerprint, how it differs from the closest recorded request, and how to fix it.
struct CassetteMiss: CustomStringConvertible {
    var path: String
    var clientModel: String
    var caller: String?
    var request: JSONValue
    var fingerprint: String
    var occurrence: Int
    var recorded: [CassetteExchange]

    var description: String {
        let served = request["model"]?.stringValue ?? "?"
        var lines = ["the cassette \(path) has no answer for a request of model `\(clientModel)` (\(served))"
            + (caller.map { " made by \($0)" } ?? "")]
        lines.append("  request: \(Self.excerpt(of: request)), fingerprint \(fingerprint.prefix(16))")
        let sameRequest = recorded.filter { $0.fingerprint == fingerprint }.count
        if sameRequest > 0 {
            lines.append("  the cassette holds this request \(sameRequest) time(s); this was call \(occurrence + 1)")
        } else if let closest = closest() {
            lines.append("  closest recorded request (fingerprint \(closest.exchange.fingerprint.prefix(16))) differs in: "
                + closest.differences.joined(separator: ", "))
        }
        lines.append("  = hint: the script, its inputs or the seed changed since the cassette was recorded; "
            + "re-record it with `gen run SCRIPT --record \(path)`")
        return lines.joined(separator: "\n")
    }

    /// The recorded request of the same kind and model that differs in the fewest fields.
    func closest() -> (exchange: CassetteExchange, differences: [String])? {
        let candidates = recorded.filter { $0.request["kind"] == request["kind"] && $0.request["model"] == request["model"] }
        return candidates.map { ($0, Self.differences(request, $0.request)) }
            .min { ($0.1.count, $0.0.fingerprint) < ($1.1.count, $1.0.fingerprint) }
    }

    static func differences(_ now: JSONValue, _ then: JSONValue) -> [String] {
        let keys = Set((now.objectValue ?? [:]).keys).union((then.objectValue ?? [:]).keys).sorted()
        return keys.compactMap { key in
            let a = now[key], b = then[key]
            guard a != b else { return nil }
            if key == "messages" || key == "input" || key == "response_format" { return key }
            return "\(key) (recorded \(b.map(CanonicalJSON.string) ?? "none"), now \(a.map(CanonicalJSON.string) ?? "none"))"
        }
    }

    /// The last message (the user's turn) or the first input, cut to 100 characters on one line.
    static func excerpt(of request: JSONValue) -> String {
        let text = request["messages"]?.arrayValue?.last?["content"]?.stringValue
            ?? request["input"]?.arrayValue?.first?.stringValue ?? ""
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let cut = flat.count > 100 ? String(flat.prefix(100)) + "..." : flat
        return "\"" + cut + "\""
    }
}
