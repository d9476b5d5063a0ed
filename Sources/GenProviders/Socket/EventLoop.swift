import CEpoll
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a socket registered with the loop is told when it is ready.
protocol SocketEventHandler: AnyObject {
    func socketReady(readable: Bool, writable: Bool, failed: Bool)
}

/// One thread waiting on epoll for every socket of every socket transport, and running their timers.
///
/// Why one loop thread: URLSession on Linux (libcurl's multi interface behind several dispatch queues) spent about
/// a millisecond of CPU per request, which capped a 64-server fleet near one core. Here a request costs a few
/// system calls on this thread. Every socket, connection and exchange is touched on this thread only; other
/// threads hand work over with `execute`, which wakes the loop through an eventfd.
final class EventLoop: @unchecked Sendable {
    /// The process's loop; nil when the kernel refuses epoll (the transport then uses URLSession).
    static let shared: EventLoop? = EventLoop()

    private let epoll: Int32
    private let wakeFD: Int32
    private let lock = NSLock()
    /// Work handed over by other threads (guarded by `lock`).
    private var submitted: [() -> Void] = []

    // Touched on the loop thread only.
    private var handlers: [UInt64: SocketEventHandler] = [:]
    private var nextID: UInt64 = 1
    private var timers = TimerQueue()
    /// Where each socket's bytes land before its parser takes them: one buffer, since one thread reads.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)

    private init?() {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard epoll >= 0, wakeFD >= 0 else { return nil }
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = 0
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, wakeFD, &event) == 0 else { return nil }
        let thread = Thread { [unowned self] in run() }
        thread.name = "gen.http.event-loop"
        thread.start()
    }

    /// Runs `work` on the loop thread, after what was handed over before it.
    func execute(_ work: @escaping () -> Void) {
        let wasEmpty = lock.withLock {
            submitted.append(work)
            return submitted.count == 1
        }
        guard wasEmpty else { return }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    // MARK: - On the loop thread

    /// Watches `fd` for reading (and writing, when `writable`); returns the id that `modify` and `remove` take.
    func register(_ fd: Int32, writable: Bool, handler: SocketEventHandler) -> UInt64? {
        let id = nextID
        nextID += 1
        var event = Self.event(id: id, writable: writable)
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0 else { return nil }
        handlers[id] = handler
        return id
    }

    func modify(_ fd: Int32, id: UInt64, writable: Bool) {
        var event = Self.event(id: id, writable: writable)
        _ = epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event)
    }

    /// Stops watching and closes `fd`.
    func remove(_ fd: Int32, id: UInt64) {
        handlers[id] = nil
        var event = epoll_event()
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, fd, &event)
        close(fd)
    }

    /// Runs `action` on the loop thread at `deadline` (monotonic nanoseconds, `EventLoop.now`).
    func schedule(at deadline: UInt64, _ action: @escaping () -> Void) {
        timers.add(deadline: deadline, action)
    }

    /// Monotonic nanoseconds.
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    private static func event(id: UInt64, writable: Bool) -> epoll_event {
        var event = epoll_event()
        // Level-triggered: a handler that leaves bytes unread is told again on the next wait.
        event.events = EPOLLIN.rawValue | EPOLLRDHUP.rawValue | (writable ? EPOLLOUT.rawValue : 0)
        event.data.u64 = id
        return event
    }

    private func run() {
        let capacity: Int32 = 256
        var events = [epoll_event](repeating: epoll_event(), count: Int(capacity))
        while true {
            let count = epoll_wait(epoll, &events, capacity, timers.waitMilliseconds(now: Self.now))
            if count < 0 {
                if errno != EINTR { usleep(1000) }
                continue
            }
            for index in 0..<Int(count) {
                let event = events[index]
                let id = event.data.u64
                if id == 0 {
                    runSubmitted()
                    continue
                }
                // A handler closed earlier in this round is gone; its stale event is dropped here.
                guard let handler = handlers[id] else { continue }
                let flags = event.events
                handler.socketReady(
                    readable: flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0,
                    writable: flags & EPOLLOUT.rawValue != 0,
                    failed: flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0)
            }
            for action in timers.popDue(now: Self.now) { action() }
        }
    }

    private func runSubmitted() {
        var count: UInt64 = 0
        _ = read(wakeFD, &count, 8)
        let work = lock.withLock {
            defer { submitted.removeAll(keepingCapacity: true) }
            return submitted
        }
        for item in work { item() }
    }
}

/// Deadlines in a binary min-heap: a request's timeout is added once and fires once; a request that ended
/// earlier leaves its entry, whose action then finds nothing to do.
struct TimerQueue {
    private struct Entry {
        var deadline: UInt64
        var action: () -> Void
    }

    private var heap = MinHeap<Entry> { $0.deadline < $1.deadline }

    mutating func add(deadline: UInt64, _ action: @escaping () -> Void) {
        heap.insert(Entry(deadline: deadline, action: action))
    }

    /// How long epoll may wait: until the earliest deadline (rounded up), or forever (-1) with none.
    func waitMilliseconds(now: UInt64) -> Int32 {
        guard let first = heap.first else { return -1 }
        guard first.deadline > now else { return 0 }
        return Int32(min(60_000, (first.deadline - now + 999_999) / 1_000_000))
    }

    /// Removes and returns every action whose deadline has come, for the caller to run (an action may add a timer).
    mutating func popDue(now: UInt64) -> [() -> Void] {
        var due: [() -> Void] = []
        while let first = heap.first, first.deadline <= now {
            heap.popFirst()
            due.append(first.action)
        }
        return due
    }
}
