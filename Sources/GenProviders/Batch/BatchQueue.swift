import Foundation
import GenCore

/// Collects a batch-mode client's concurrent `chat` calls into batches, waits on them and hands each call its line.
///
/// A call first looks for a line with its request hash in a journaled batch not yet consumed (a killed run's batch):
/// it then waits on that batch. Otherwise it joins the pending calls, which become one batch once no call has
/// arrived for `linger` seconds (or at `maxLines`). Each batch is journaled before it is polled. When it ends,
/// a 2xx line goes to its call; a failed, expired or missing line is resubmitted in a later batch until the
/// call has had `maxAttempts` submissions, then fails; a batch that failed as a whole fails its calls.
actor BatchQueue {
    /// A `chat` call waiting for its line.
    private struct Call {
        let hash: String
        let body: Data
        /// Batches this request was submitted to so far.
        var attempts: Int
        let continuation: CheckedContinuation<LineDelivery, any Error>
    }

    /// A batch being waited on: its lines, the calls waiting for them and, once it ended, its results.
    private struct Watch {
        /// `custom_id` -> request hash, every line of the batch.
        var lines: [String: String]
        /// `custom_id` -> the call waiting for that line.
        var waiting: [String: Int] = [:]
        /// Set once the batch ended: the output and error files' lines.
        var results: [String: BatchLineResult]?
        /// Set when the batch failed as a whole.
        var failure: LLMError?
        var polling = false
        /// A batch of an earlier process, found in the journal.
        var resumed: Bool
        /// What was last reported of it.
        var reported: BatchProgress?
    }

    private let api: BatchAPI
    private let settings: BatchSettings
    /// The base URL as journaled and shown (query redacted).
    private let endpoint: String
    private let maxAttempts: Int
    private let stopRequested: @Sendable () -> Bool
    private let report: @Sendable (BatchProgress) -> Void
    private var journal: any BatchJournal = InMemoryBatchJournal()
    private var calls: [Int: Call] = [:]
    /// Calls cancelled before they were enqueued.
    private var cancelledEarly: Set<Int> = []
    private var nextCallID = 0
    private var pending: [Int] = []
    private var lingerGeneration = 0
    /// Journaled lines not yet claimed, by request hash (oldest batch first).
    private var claimable: [String: [JournaledLine]] = [:]
    private var watches: [String: Watch] = [:]

    init(
        api: BatchAPI, settings: BatchSettings, endpoint: String, maxAttempts: Int, stopRequested: @escaping @Sendable () -> Bool,
        report: @escaping @Sendable (BatchProgress) -> Void
    ) {
        self.report = report
        self.api = api
        self.settings = settings
        self.endpoint = endpoint
        self.maxAttempts = max(1, maxAttempts)
        self.stopRequested = stopRequested
    }

    /// Uses `journal` from now on and makes its unconsumed lines for this endpoint claimable.
    func attach(_ journal: any BatchJournal) async throws {
        self.journal = journal
        for line in try await journal.claimableLines(endpoint: endpoint) {
            claimable[line.requestHash, default: []].append(line)
            watches[line.batchID, default: Watch(lines: [:], resumed: true)].lines[line.customID] = line.requestHash
        }
    }

    func newCallID() -> Int {
        nextCallID += 1
        return nextCallID
    }

    /// Adds a call: to a journaled batch holding its request, or to the pending calls.
    func enqueue(_ id: Int, hash: String, body: Data, continuation: CheckedContinuation<LineDelivery, any Error>) {
        if cancelledEarly.remove(id) != nil {
            continuation.resume(throwing: CancellationError())
            return
        }
        calls[id] = Call(hash: hash, body: body, attempts: 0, continuation: continuation)
        if var lines = claimable[hash], !lines.isEmpty {
            let line = lines.removeFirst()
            claimable[hash] = lines
            watches[line.batchID]?.waiting[line.customID] = id
            guard let watch = watches[line.batchID] else { return }
            if watch.results != nil || watch.failure != nil {
                Task { await self.settle(line.batchID) }
            } else if !watch.polling {
                watches[line.batchID]?.polling = true
                Task { await self.poll(line.batchID, from: nil) }
            }
            return
        }
        calls[id]?.attempts = 1
        pending.append(id)
        schedule()
    }

    /// A caller's task was cancelled: it stops waiting (its line, if sent, stays claimable in the journal).
    func cancel(_ id: Int) {
        guard calls[id] != nil else {
            cancelledEarly.insert(id)
            return
        }
        pending.removeAll { $0 == id }
        finish(id, .failure(CancellationError()))
    }

    // MARK: Sending

    private func schedule() {
        if pending.count >= settings.maxLines {
            flush()
            return
        }
        lingerGeneration += 1
        let generation = lingerGeneration
        let linger = settings.linger
        Task {
            try? await Task.sleep(for: .seconds(linger))
            self.lingered(generation)
        }
    }

    private func lingered(_ generation: Int) {
        if generation == lingerGeneration { flush() }
    }

    private func flush() {
        let ids = Array(pending.prefix(settings.maxLines).filter { calls[$0] != nil })
        pending.removeFirst(min(settings.maxLines, pending.count))
        if !pending.isEmpty { schedule() }
        guard !ids.isEmpty else { return }
        Task { await self.submit(ids) }
    }

    /// Uploads the calls' requests as one batch, journals it, then waits on it.
    private func submit(_ ids: [Int]) async {
        if stopRequested() {
            for id in ids { finish(id, .failure(LLMError.batchWaitStopped(url: endpoint, batchID: nil))) }
            return
        }
        var lines: [String: String] = [:]
        var journaled: [JournaledLine] = []
        var waiting: [String: Int] = [:]
        var file = ""
        for (position, id) in ids.enumerated() {
            guard let call = calls[id] else { continue }
            let customID = "req-\(position)"
            file += BatchWireFormat.inputLine(customID: customID, body: call.body) + "\n"
            lines[customID] = call.hash
            waiting[customID] = id
            journaled.append(JournaledLine(batchID: "", customID: customID, requestHash: call.hash))
        }
        let batch: BatchObject
        do {
            let fileID = try await api.upload(Data(file.utf8))
            batch = try await api.create(inputFileID: fileID, completionWindow: settings.completionWindow)
            try await journal.record(batch: JournaledBatch(
                batchID: batch.id, endpoint: endpoint, inputFileID: fileID, status: batch.status.rawValue,
                lines: journaled.map { JournaledLine(batchID: batch.id, customID: $0.customID, requestHash: $0.requestHash) }))
        } catch {
            for id in ids { finish(id, .failure(error)) }
            return
        }
        watches[batch.id] = Watch(lines: lines, waiting: waiting, polling: true, resumed: false)
        reportChange(batch)
        await poll(batch.id, from: batch)
    }

    // MARK: Waiting

    /// Polls until the batch ends (then settles its lines) or the run is asked to stop (then its calls stop waiting).
    private func poll(_ batchID: String, from start: BatchObject?) async {
        var current = start
        while true {
            if let current, current.status.isTerminal { break }
            if current != nil ? !(await pause()) : stopRequested() {
                stopWaiting(batchID, LLMError.batchWaitStopped(url: endpoint, batchID: batchID))
                return
            }
            do {
                let object = try await api.retrieve(batchID)
                current = object
                reportChange(object)
                try? await journal.update(batchID: batchID, status: object.status.rawValue, outputFileID: object.outputFileID,
                                          errorFileID: object.errorFileID)
            } catch LLMError.notFound where watches[batchID]?.resumed == true {
                // The server no longer knows an earlier process's batch: its requests are sent afresh.
                await abandon(batchID)
                return
            } catch {
                stopWaiting(batchID, error)
                return
            }
        }
        guard let ended = current else { return }
        if ended.status == .failed {
            let message = ended.errors.isEmpty ? "the server gave no reason" : ended.errors.joined(separator: "; ")
            watches[batchID]?.failure = .batchFailed(url: endpoint, batchID: batchID, serverMessage: message)
        } else {
            do {
                var results: [String: BatchLineResult] = [:]
                for fileID in [ended.errorFileID, ended.outputFileID].compactMap({ $0 }) {
                    results.merge(try await api.results(ofFile: fileID)) { _, output in output }
                }
                watches[batchID]?.results = results
            } catch {
                stopWaiting(batchID, error)
                return
            }
        }
        watches[batchID]?.polling = false
        await settle(batchID)
    }

    /// Tells the observer when the batch's status or count moved.
    private func reportChange(_ object: BatchObject) {
        let progress = BatchProgress(batchID: object.id, status: object.status.rawValue, done: object.done, total: object.total)
        guard watches[object.id]?.reported != progress else { return }
        watches[object.id]?.reported = progress
        report(progress)
    }

    /// Waits one poll interval in short steps; false when the run was asked to stop meanwhile.
    private func pause() async -> Bool {
        let deadline = ContinuousClock.now + .seconds(settings.pollInterval)
        while ContinuousClock.now < deadline {
            if stopRequested() { return false }
            try? await Task.sleep(for: min(.milliseconds(250), deadline - ContinuousClock.now))
        }
        return !stopRequested()
    }

    /// Hands an ended batch's lines to the calls waiting on them: a 2xx result is delivered, anything else is
    /// resubmitted while the call has attempts left, else fails it.
    private func settle(_ batchID: String) async {
        guard var watch = watches[batchID], watch.results != nil || watch.failure != nil else { return }
        var delivered: [(Int, LineDelivery)] = []
        var failed: [(Int, any Error)] = []
        var delivering: [String] = []
        var closed: [String] = []
        var resubmit = false
        for (customID, id) in watch.waiting.sorted(by: { $0.key < $1.key }) {
            guard var call = calls[id] else { continue }
            let result = watch.results?[customID]
            if let failure = watch.failure {
                failed.append((id, failure))
                closed.append(customID)
            } else if let completion = result?.completion {
                delivered.append((id, LineDelivery(completion: completion, attempts: max(1, call.attempts), batchID: batchID)))
                delivering.append(customID)
            } else if call.attempts < maxAttempts {
                call.attempts += 1
                calls[id] = call
                pending.append(id)
                closed.append(customID)
                resubmit = true
            } else {
                failed.append((id, LLMError.batchLineFailed(
                    url: endpoint, batchID: batchID, status: result?.status,
                    serverMessage: result?.message ?? "the batch's files have no result for this request", attempts: max(1, call.attempts))))
                closed.append(customID)
            }
        }
        watch.waiting = [:]
        watches[batchID] = watch
        // Journaled before any call has its result, so a commit that follows always finds the lines delivered.
        try? await journal.mark(batchID: batchID, customIDs: delivering, state: .delivered)
        try? await journal.mark(batchID: batchID, customIDs: closed, state: .closed)
        for (id, delivery) in delivered { finish(id, .success(delivery)) }
        for (id, error) in failed { finish(id, .failure(error)) }
        // Every line this batch had to resend is known now: no reason to linger.
        if resubmit { flush() }
        if !watch.resumed && claimableCount(batchID) == 0 { watches[batchID] = nil }
    }

    /// An earlier process's batch the server no longer has: its waiting calls are sent in a new batch, its lines closed.
    private func abandon(_ batchID: String) async {
        guard let watch = watches.removeValue(forKey: batchID) else { return }
        for (hash, lines) in claimable { claimable[hash] = lines.filter { $0.batchID != batchID } }
        try? await journal.mark(batchID: batchID, customIDs: Array(watch.lines.keys), state: .closed)
        for id in watch.waiting.values where calls[id] != nil {
            calls[id]?.attempts = 1
            pending.append(id)
        }
        if !pending.isEmpty { flush() }
    }

    private func stopWaiting(_ batchID: String, _ error: any Error) {
        let waiting = watches[batchID]?.waiting ?? [:]
        watches[batchID]?.waiting = [:]
        watches[batchID]?.polling = false
        for id in waiting.values { finish(id, .failure(error)) }
    }

    private func claimableCount(_ batchID: String) -> Int {
        claimable.values.reduce(0) { $0 + $1.filter { $0.batchID == batchID }.count }
    }

    private func finish(_ id: Int, _ outcome: Result<LineDelivery, any Error>) {
        guard let call = calls.removeValue(forKey: id) else { return }
        call.continuation.resume(with: outcome)
    }
}

/// A line's chat completion and the batch it came from.
struct LineDelivery: Sendable {
    var completion: JSONValue
    /// Batches the request was submitted to.
    var attempts: Int
    var batchID: String
}
