import Foundation
import GenCore

/// A cassette file: every model exchange of a run, one JSON object per line, sorted by fingerprint and
/// occurrence so that re-recording an unchanged policy rewrites the same bytes and a changed one diffs only
/// the exchanges that changed (arrival order inside a batch is not stable, so it is not used).
public struct Cassette: Sendable, Equatable {
    public var exchanges: [CassetteExchange]

    public init(exchanges: [CassetteExchange]) {
        self.exchanges = exchanges.sorted { ($0.fingerprint, $0.occurrence) < ($1.fingerprint, $1.occurrence) }
    }

    public var text: String { exchanges.map { $0.line + "\n" }.joined() }

    /// Parses a cassette's text; a bad line is named by its number.
    public init(text: String, path: String) throws(CassetteError) {
        var exchanges: [CassetteExchange] = []
        var seen = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            do throws(CassetteFormatError) {
                let exchange = try CassetteExchange(line: trimmed)
                guard seen.insert("\(exchange.fingerprint)#\(exchange.occurrence)").inserted else {
                    throw CassetteFormatError("fingerprint \(exchange.fingerprint.prefix(16)) occurrence \(exchange.occurrence) appears twice")
                }
                exchanges.append(exchange)
            } catch {
                throw CassetteError.badLine(path: path, line: index + 1, reason: error.description)
            }
        }
        self.init(exchanges: exchanges)
    }

    public static func load(from url: URL) throws(CassetteError) -> Cassette {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CassetteError.unreadable(path: url.path)
        }
        return try Cassette(text: String(decoding: data, as: UTF8.self), path: url.path)
    }

    /// Written whole and renamed over the old file, so a cassette is never half written.
    public func write(to url: URL) throws(CassetteError) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CassetteError.unwritable(path: url.path, reason: error.localizedDescription)
        }
    }
}

/// Why a cassette could not be read or written; each message says what to do.
public enum CassetteError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case badLine(path: String, line: Int, reason: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            "cannot read the cassette \(path)\n  = hint: record one with `gen run SCRIPT --record \(path)`"
        case .badLine(let path, let line, let reason):
            "\(path):\(line):1: this line is not a cassette exchange: \(reason)\n"
                + "  = hint: cassettes are written by `gen run --record`; re-record rather than edit by hand"
        case .unwritable(let path, let reason):
            "cannot write the cassette \(path): \(reason)"
        }
    }
}
