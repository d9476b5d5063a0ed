import GenCore

/// Collects a run's exchanges while clients record them. Occurrences count identical requests in the order
/// they were made; `redact` removes secret values from every string written (a script may put one in a prompt).
public actor CassetteRecorder {
    private var exchanges: [CassetteExchange] = []
    private var occurrences: [String: Int] = [:]
    private let redact: @Sendable (String) -> String

    public init(redact: @escaping @Sendable (String) -> String = { $0 }) {
        self.redact = redact
    }

    /// The occurrence index of the next call with this fingerprint.
    func begin(_ fingerprint: String) -> Int {
        defer { occurrences[fingerprint, default: 0] += 1 }
        return occurrences[fingerprint, default: 0]
    }

    func add(_ exchange: CassetteExchange) {
        var clean = exchange
        clean.request = Self.redacted(exchange.request, redact)
        clean.caller = exchange.caller.map(redact)
        switch exchange.outcome {
        case .response(let response): clean.outcome = .response(Self.redacted(response, redact))
        case .failure(let message): clean.outcome = .failure(redact(message))
        }
        exchanges.append(clean)
    }

    public var cassette: Cassette { Cassette(exchanges: exchanges) }

    static func redacted(_ value: JSONValue, _ redact: (String) -> String) -> JSONValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map { redacted($0, redact) })
        case .object(let members):
            .object(Dictionary(members.map { (redact($0.key), redacted($0.value, redact)) }, uniquingKeysWith: { first, _ in first }))
        default: value
        }
    }
}
