import Dispatch
import Foundation
import GenRun

/// Ctrl-C, SIGTERM and SIGHUP during `gen run`: the first asks the run to stop after the batch in flight is
/// written (the store and the files then say "stopped", never "running"); a second one exits at once (safe: a
/// batch is committed whole or not at all, and `--resume` goes on).
final class InterruptHandler: @unchecked Sendable {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    // The dispatch sources must stay alive while the run goes on; they are only touched on init and cancel.
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var count = 0

    init(stop: StopSignal, console: Console) {
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in
                let received = self.lock.withLock { () -> Int in
                    self.count += 1
                    return self.count
                }
                if received == 1 {
                    let name = number == SIGINT ? "interrupted" : number == SIGTERM ? "terminated (SIGTERM)" : "hung up (SIGHUP)"
                    console.writeError("\nstopping after the current batch (\(name); again to quit now; resume with --resume)\n")
                    stop.request(name)
                } else {
                    exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
