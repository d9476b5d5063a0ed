import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A raw HTTP answer: status, headers (lower-cased names) and body.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why no HTTP answer arrived, in the terms the retry logic needs.
enum TransportFailure: Error, Sendable {
    /// Nothing listens at the address.
    case refused
    /// The host name does not resolve.
    case unknownHost
    case timedOut
    /// The connection broke before a full answer arrived.
    case connectionLost(String)
    /// The URL cannot be requested at all.
    case badURL
}

/// Sends HTTP requests with URLSession (FoundationNetworking on Linux) and classifies its failures.
///
/// The timeout is enforced here, not by URLSession: FoundationNetworking truncates timeouts to whole
/// seconds (seen: 0.5 s times out at once, 1.5 s after 1 s), so URLSession gets a looser whole-second
/// limit as a backstop and a timer task races each request.
struct URLSessionTransport: Sendable {
    private let owner: SessionOwner
    private var session: URLSession { owner.session }

    init(timeout: Double, maxConnections: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Self.backstop(timeout)
        configuration.httpMaximumConnectionsPerHost = maxConnections
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        owner = SessionOwner(URLSession(configuration: configuration))
    }

    /// One request, failing with `TransportFailure.timedOut` when no full answer arrived within `timeout` seconds.
    func send(_ method: String, to url: URL, body: Data?, headers: [String: String], timeout: Double) async throws -> HTTPReply {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Self.backstop(timeout))
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let prepared = request
        return try await withThrowingTaskGroup(of: HTTPReply.self) { group in
            group.addTask { try await perform(prepared) }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                throw TransportFailure.timedOut
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TransportFailure.timedOut }
            return first
        }
    }

    private static func backstop(_ timeout: Double) -> Double {
        max(1, timeout.rounded(.up)) + 1
    }

    private func perform(_ request: URLRequest) async throws -> HTTPReply {
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError {
            throw Self.classify(error)
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportFailure.connectionLost("the answer is not HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return HTTPReply(status: http.statusCode, headers: headers, body: data)
    }

    static func classify(_ error: URLError) -> TransportFailure {
        switch error.code {
        case .cannotConnectToHost: return .refused
        case .cannotFindHost, .dnsLookupFailed: return .unknownHost
        case .timedOut: return .timedOut
        case .badURL, .unsupportedURL: return .badURL
        default: return .connectionLost(error.localizedDescription)
        }
    }
}

/// Invalidates the session when the last client copy goes away, so dropped clients free their connections.
private final class SessionOwner: Sendable {
    let session: URLSession

    init(_ session: URLSession) {
        self.session = session
    }

    deinit {
        session.finishTasksAndInvalidate()
    }
}
