import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends HTTP requests with URLSession (FoundationNetworking on Linux) and classifies its failures.
///
/// The timeout is enforced here, not by URLSession: FoundationNetworking truncates timeouts to whole
/// seconds (seen: 0.5 s times out at once, 1.5 s after 1 s), so URLSession gets a looser whole-second
/// limit as a backstop and a dispatch timer ends each request on time.
///
/// Why callbacks and not `URLSession.data(for:)`: cancelling the Swift task around that call runs
/// `URLSessionTask.cancel()` synchronously while the concurrency runtime holds the task's status lock,
/// and a completion arriving at the same moment waits for that lock on the session's queue: a deadlock
/// (seen here, with a timer racing each request in a task group). Here whichever of answer, timeout or
/// cancellation comes first resumes the caller, exactly once, and the URLSession task of a request that timed
/// out or was cancelled is left to end by itself (see `PendingRequest`).
struct URLSessionTransport: Sendable {
    private let owner: SessionOwner
    private var session: URLSession { owner.session }
    /// The body size past which the request is cancelled.
    let maxResponseBytes = HTTPTransport.defaultMaxResponseBytes

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
        let pending = PendingRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPReply, Error>) in
                let limit = maxResponseBytes
                let task = session.dataTask(with: request) { data, response, error in
                    // A body that arrived between two size checks is refused here all the same.
                    let outcome = (data?.count ?? 0) > limit
                        ? .failure(TransportFailure.responseTooLarge(limit: limit)) : Self.reply(data: data, response: response, error: error)
                    pending.finish(with: outcome, cancellingTask: false)
                }
                guard pending.start(task: task, continuation: continuation) else { return }
                task.resume()
                RequestWatch.shared.watch(pending, task: task, deadline: .now() + timeout, limit: limit)
            }
        } onCancel: {
            DispatchQueue.global().async { pending.finish(with: .failure(CancellationError()), cancellingTask: false) }
        }
    }

    private static func backstop(_ timeout: Double) -> Double {
        max(1, timeout.rounded(.up)) + 1
    }

    private static func reply(data: Data?, response: URLResponse?, error: Error?) -> Result<HTTPReply, Error> {
        if let error = error as? URLError { return .failure(classify(error)) }
        if let error { return .failure(TransportFailure.connectionLost("\(error)")) }
        guard let http = response as? HTTPURLResponse else {
            return .failure(TransportFailure.connectionLost("the answer is not HTTP"))
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .success(HTTPReply(status: http.statusCode, headers: headers, body: data ?? Data()))
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

/// Every request in flight, watched by one timer: a request past its deadline ends as timed out, and one whose
/// body outgrows its limit is cancelled (the completion handler only sees the whole body, so the limit has to be
/// enforced while it arrives). The timer fires at the earliest deadline and every `sizeInterval` while requests
/// are in flight; before, each request had a timer of its own and a 250 ms poll, which at a thousand requests in
/// flight woke a thread thousands of times a second.
private final class RequestWatch: @unchecked Sendable {
    static let shared = RequestWatch()
    static let sizeInterval = 0.25

    struct Entry {
        let pending: PendingRequest
        let task: URLSessionDataTask
        let deadline: DispatchTime
        let limit: Int
    }

    // Everything below is touched on `queue` only.
    private let queue = DispatchQueue(label: "gen.http.request-watch")
    private var entries: [Entry] = []
    private var timer: DispatchSourceTimer?
    private var armedFor: DispatchTime?

    func watch(_ pending: PendingRequest, task: URLSessionDataTask, deadline: DispatchTime, limit: Int) {
        queue.async { [self] in
            entries.append(Entry(pending: pending, task: task, deadline: deadline, limit: limit))
            let sizeCheck = DispatchTime.now() + Self.sizeInterval
            arm(for: min(deadline, sizeCheck))
        }
    }

    private func arm(for time: DispatchTime) {
        if let armedFor, armedFor <= time { return }
        if timer == nil {
            let created = DispatchSource.makeTimerSource(queue: queue)
            created.setEventHandler { [unowned self] in tick() }
            created.resume()
            timer = created
        }
        timer?.schedule(deadline: time, leeway: .milliseconds(5))
        armedFor = time
    }

    private func tick() {
        armedFor = nil
        let now = DispatchTime.now()
        entries.removeAll { entry in
            if entry.pending.isFinished { return true }
            if now >= entry.deadline {
                entry.pending.finish(with: .failure(TransportFailure.timedOut), cancellingTask: false)
                return true
            }
            if entry.task.countOfBytesReceived > Int64(entry.limit) {
                entry.pending.finish(with: .failure(TransportFailure.responseTooLarge(limit: entry.limit)), cancellingTask: true)
                return true
            }
            return false
        }
        guard let earliest = entries.map(\.deadline).min() else {
            timer?.cancel()
            timer = nil
            return
        }
        arm(for: min(earliest, now + Self.sizeInterval))
    }
}

/// One request in flight: resumes its caller once, with the first of answer, timeout or cancellation.
///
/// A timed-out or cancelled request's URLSession task is left to finish on its own (the session's backstop
/// timeout ends it a second later) and its answer is ignored: `URLSessionTask.cancel()` racing the task's own
/// completion crashes FoundationNetworking ("Trying to access a behaviour for a task that is not in the registry",
/// swift-corelibs-foundation #3292), seen in CI when a pipelined run cancelled its batches in flight. Only a body
/// growing past the limit is cancelled, since it is still arriving and would otherwise fill memory.
private final class PendingRequest: @unchecked Sendable {
    // Guarded by `lock`; every access is a short critical section.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPReply, Error>?
    private var task: URLSessionDataTask?
    private var earlyOutcome: Result<HTTPReply, Error>?

    var isFinished: Bool { lock.withLock { earlyOutcome != nil } }

    /// Whether to send the task: false when the request was cancelled before it started (it is answered at once
    /// and its task never resumed, so never cancelled either).
    func start(task: URLSessionDataTask, continuation: CheckedContinuation<HTTPReply, Error>) -> Bool {
        let early: Result<HTTPReply, Error>? = lock.withLock {
            self.task = task
            if let outcome = earlyOutcome { return outcome }
            self.continuation = continuation
            return nil
        }
        guard let early else { return true }
        continuation.resume(with: early)
        return false
    }

    /// `cancellingTask` is true only for a body past the limit (see the type's comment).
    func finish(with outcome: Result<HTTPReply, Error>, cancellingTask: Bool) {
        let (waiting, task): (CheckedContinuation<HTTPReply, Error>?, URLSessionDataTask?) = lock.withLock {
            guard earlyOutcome == nil else { return (nil, nil) }
            earlyOutcome = outcome
            let waiting = continuation
            continuation = nil
            return (waiting, self.task)
        }
        guard let waiting else { return }
        if cancellingTask { task?.cancel() }
        waiting.resume(with: outcome)
    }
}
