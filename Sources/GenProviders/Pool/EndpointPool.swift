import GenCore

/// The endpoints of one model: which one each attempt goes to, and what each has shown so far.
///
/// Balancing is least outstanding requests among the endpoints that may take one now: circuit closed, below
/// their adaptive concurrency limit, not paused by a Retry-After, and within their declared rates. Ties rotate,
/// so equal endpoints share the load. An attempt waits when every endpoint is full; it fails at once with
/// `PoolUnavailable` when every circuit is open, so the retry policy (bounded) decides, never an endless wait.
///
/// A pool of one endpoint has no circuit breaker: there is nowhere else to send, and the retry policy's backoff
/// already paces a struggling server.
actor EndpointPool {
    struct Member: Sendable {
        let address: EndpointAddress
        var breaker = CircuitBreaker()
        var concurrency: AdaptiveConcurrency
        var rate: RateBudget
        var outstanding = 0
        var pausedUntil = 0.0
        var hasAnswered = false
        /// Refused before it ever answered: most likely not started (or the wrong port).
        var refusedUnanswered = false
        var traffic: EndpointTraffic

        /// Circuit closed (or no breaker) and below its concurrency limit; pauses and rates are checked apart.
        func hasRoom(usesBreaker: Bool) -> Bool {
            (!usesBreaker || breaker.isClosed) && outstanding < concurrency.permits
        }
    }

    private var members: [Member]
    private let usesBreaker: Bool
    private let probe: @Sendable (EndpointAddress) async -> Bool
    private var waiters = ContinuationQueue<PoolWaitKey>()
    private var arrivals: UInt64 = 0
    private var rotation = 0
    private var wakeAt: Double?
    private let origin = ContinuousClock.now

    /// `probe` is the health check of an endpoint whose circuit cooled down: true when it answers.
    init(
        addresses: [EndpointAddress], maxConcurrency: Int, adaptive: Bool, requestsPerMinute: Int?, tokensPerMinute: Int?,
        probe: @escaping @Sendable (EndpointAddress) async -> Bool
    ) {
        let start = 0.0
        members = addresses.map { address in
            Member(
                address: address, concurrency: AdaptiveConcurrency(ceiling: maxConcurrency, enabled: adaptive),
                rate: RateBudget(requestsPerMinute: requestsPerMinute, tokensPerMinute: tokensPerMinute, now: start),
                traffic: EndpointTraffic(endpoint: address.display))
        }
        usesBreaker = addresses.count > 1
        self.probe = probe
    }

    var count: Int { members.count }

    /// Requests waiting for an endpoint now.
    var waitingCount: Int { waiters.count }

    var addresses: [EndpointAddress] { members.map(\.address) }

    private func now() -> Double {
        let elapsed = (ContinuousClock.now - origin).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }

    /// Waits for an endpoint that may take an attempt now and lends it. `avoiding` (the endpoint that just
    /// failed this request) is used only when no other may take it. A request waits behind those served before
    /// it (`PoolWaitKey`: an older batch's, then earlier arrivals) rather than taking a slot one of them waits for.
    func acquire(estimatedTokens: Int, avoiding: Int? = nil) async throws -> EndpointLease {
        let key = PoolWaitKey(arrival: arrivals)
        arrivals += 1
        while true {
            if let first = waiters.firstKey, first < key {
                try await waitForChange(key: key, until: nil)
                continue
            }
            let now = now()
            startDueProbes(now: now)
            if usesBreaker, !members.contains(where: { $0.breaker.isClosed }) {
                let reopen = members.compactMap(\.breaker.reopensAt).min().map { max(0, $0 - now) } ?? 0.2
                throw PoolUnavailable(retryIn: reopen)
            }
            var chosen: Int?
            var nextWake: Double?
            for offset in members.indices {
                let index = (rotation + offset) % members.count
                let member = members[index]
                guard member.hasRoom(usesBreaker: usesBreaker) else { continue }
                if member.pausedUntil > now {
                    nextWake = min(nextWake ?? .infinity, member.pausedUntil)
                    continue
                }
                let wait = members[index].rate.wait(estimatedTokens: estimatedTokens, now: now)
                if wait > 0 {
                    nextWake = min(nextWake ?? .infinity, now + wait)
                    continue
                }
                // The least outstanding wins; the endpoint that just failed this request only when alone.
                let key = (index == avoiding ? 1 : 0, member.outstanding)
                if let current = chosen, key >= (current == avoiding ? 1 : 0, members[current].outstanding) { continue }
                chosen = index
            }
            if let index = chosen {
                rotation = (index + 1) % members.count
                members[index].outstanding += 1
                members[index].rate.spend(estimatedTokens: estimatedTokens)
                members[index].traffic.requests += 1
                // The next waiter may find a slot too (several freed at once, or a limit raised).
                if !waiters.isEmpty, hasFreeSlot(now: now) { wakeOne() }
                return EndpointLease(member: index, address: members[index].address, sentAt: now, estimatedTokens: estimatedTokens)
            }
            try await waitForChange(key: key, until: nextWake)
        }
    }

    /// Gives an endpoint back with what the attempt showed; the controllers and counters learn from it.
    func finish(_ lease: EndpointLease, _ outcome: AttemptOutcome) {
        let now = now()
        var member = members[lease.member]
        member.outstanding -= 1
        let permitsBefore = member.concurrency.permits
        switch outcome {
        case .answered(let tokens):
            member.traffic.answered += 1
            member.hasAnswered = true
            member.breaker.succeeded()
            member.concurrency.answered(sentAt: lease.sentAt, now: now, completionTokens: tokens)
        case .rateLimited(let retryAfter):
            member.traffic.rateLimited += 1
            member.hasAnswered = true
            member.concurrency.overloaded(.rateLimited, sentAt: lease.sentAt, now: now)
            member.pausedUntil = max(member.pausedUntil, now + (retryAfter ?? member.concurrency.pauseAfterRateLimit))
        case .serverError, .timedOut:
            if outcome == .serverError { member.traffic.serverErrors += 1 } else { member.traffic.timeouts += 1 }
            if outcome == .serverError { member.hasAnswered = true }
            member.concurrency.overloaded(.failed, sentAt: lease.sentAt, now: now)
            if usesBreaker { member.breaker.failed(now: now, refused: false) }
        case .refused, .connectionLost:
            member.traffic.connectionFailures += 1
            if outcome == .refused, !member.hasAnswered { member.refusedUnanswered = true }
            if usesBreaker { member.breaker.failed(now: now, refused: outcome == .refused) }
        case .rejected:
            member.traffic.rejected += 1
            member.hasAnswered = true
        case .declinedFormat:
            member.hasAnswered = true
            member.breaker.succeeded()
        case .cancelled:
            member.traffic.requests -= 1
        }
        members[lease.member] = member
        if member.pausedUntil > now { scheduleWake(at: member.pausedUntil) }
        // A freed slot is one waiter's; a raised limit (slow start frees two slots per answer), a circuit or a pause
        // may change every waiter's choice.
        if case .answered = outcome, member.concurrency.permits <= permitsBefore { wakeOne() } else { wakeAll() }
    }

    /// Counts an attempt that failed here and went to another endpoint.
    func recordFailover(from member: Int) {
        members[member].traffic.failovers += 1
    }

    /// Settles the token-rate estimate and counts the tokens an answer used.
    func recordUsage(member: Int, estimated: Int, prompt: Int, completion: Int) {
        members[member].rate.settle(estimated: estimated, actual: prompt + completion)
        members[member].traffic.promptTokens += prompt
        members[member].traffic.completionTokens += completion
    }

    /// Whether another endpoint than `member` may take requests (a failure there is then a failover, not a wait).
    func hasOtherClosed(than member: Int) -> Bool {
        usesBreaker && members.indices.contains { $0 != member && members[$0].breaker.isClosed }
    }

    /// True when every endpoint refused connections without ever answering: nothing runs there, stop at once.
    var noneRunning: Bool {
        members.allSatisfy { $0.refusedUnanswered && !$0.hasAnswered }
    }

    /// Takes an endpoint out of rotation after a failed start-up check (counted as a refused attempt).
    func markDown(_ member: Int) {
        members[member].traffic.requests += 1
        members[member].traffic.connectionFailures += 1
        if !members[member].hasAnswered { members[member].refusedUnanswered = true }
        if usesBreaker { members[member].breaker.failed(now: now(), refused: true) }
    }

    func markAnswered(_ member: Int) {
        members[member].hasAnswered = true
    }

    func traffic() -> [EndpointTraffic] {
        members.map { member in
            var traffic = member.traffic
            // Read from the controllers that keep them, not counted a second time here.
            traffic.circuitOpenings = member.breaker.openings
            traffic.concurrencyLimit = member.concurrency.limit
            traffic.lowestConcurrencyLimit = member.concurrency.lowest
            return traffic
        }
    }

    // MARK: Health checks

    private func startDueProbes(now: Double) {
        for index in members.indices where members[index].breaker.probeDue(now: now) {
            members[index].breaker.startProbe()
            let address = members[index].address
            let probe = self.probe
            Task {
                let healthy = await probe(address)
                self.probeFinished(index, healthy: healthy)
            }
        }
    }

    private func probeFinished(_ index: Int, healthy: Bool) {
        members[index].breaker.probeFinished(healthy: healthy, now: now())
        if healthy { members[index].hasAnswered = true }
        if let reopen = members[index].breaker.reopensAt { scheduleWake(at: reopen) }
        wakeAll()
    }

    // MARK: Waiting

    /// Whether some endpoint could take an attempt now (its circuit closed, below its limit, not paused).
    private func hasFreeSlot(now: Double) -> Bool {
        members.contains { $0.hasRoom(usesBreaker: usesBreaker) && $0.pausedUntil <= now }
    }

    private func waitForChange(key: PoolWaitKey, until deadline: Double?) async throws {
        if let deadline { scheduleWake(at: deadline) }
        let id = waiters.reserveID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.enqueue(id, key: key, continuation)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        waiters.cancel(id)
    }

    private func wakeOne() {
        waiters.resumeFirst()
    }

    private func wakeAll() {
        waiters.resumeAll()
    }

    private func scheduleWake(at time: Double) {
        if let pending = wakeAt, pending <= time, pending > now() { return }
        wakeAt = time
        let delay = max(0, time - now())
        Task {
            try? await Task.sleep(for: .seconds(delay))
            self.wakeFired(at: time)
        }
    }

    private func wakeFired(at time: Double) {
        if wakeAt == time { wakeAt = nil }
        wakeAll()
    }
}
