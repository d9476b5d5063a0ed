/// Whether one endpoint of a pool gets requests: closed (yes), open (no, until a health check answers).
///
/// A refused connection opens the circuit at once (nothing listens: a killed or restarting server); timeouts,
/// broken connections and 5xx open it after `threshold` in a row, so one slow answer does not take a busy server
/// out. Each opening lasts twice the previous one (up to `maxCooldown`); when it ends the pool sends a health
/// check, and only its answer closes the circuit again.
struct CircuitBreaker: Sendable {
    enum State: Sendable, Equatable {
        case closed
        /// Out of rotation until `until` (seconds on the pool's clock), then a health check decides.
        case open(until: Double)
        /// A health check is in flight.
        case probing
    }

    var threshold = 3
    var baseCooldown = 1.0
    var maxCooldown = 30.0
    private(set) var state: State = .closed
    private(set) var consecutiveFailures = 0
    /// Times the circuit went from closed to open since the pool started (the report's "circuit opened" figure);
    /// a failed health check keeps it open and is not another opening.
    private(set) var openings = 0
    private var cooldown: Double?

    var isClosed: Bool { state == .closed }

    mutating func succeeded() {
        consecutiveFailures = 0
        if state != .closed { close() }
    }

    /// Records a failed attempt; `refused` (nothing listening) opens at once.
    mutating func failed(now: Double, refused: Bool) {
        consecutiveFailures += 1
        guard state == .closed, refused || consecutiveFailures >= threshold else { return }
        open(now: now)
    }

    /// Whether an open circuit's cooldown has ended, so a health check is due.
    func probeDue(now: Double) -> Bool {
        if case .open(let until) = state { return now >= until }
        return false
    }

    mutating func startProbe() {
        state = .probing
    }

    mutating func probeFinished(healthy: Bool, now: Double) {
        if healthy { close() } else { open(now: now, counted: false) }
    }

    /// When an open circuit's cooldown ends; nil when it is not open.
    var reopensAt: Double? {
        if case .open(let until) = state { return until }
        return nil
    }

    private mutating func open(now: Double, counted: Bool = true) {
        let length = min(maxCooldown, cooldown.map { $0 * 2 } ?? baseCooldown)
        cooldown = length
        if counted { openings += 1 }
        state = .open(until: now + length)
    }

    private mutating func close() {
        state = .closed
        consecutiveFailures = 0
        cooldown = nil
    }
}
