import Dispatch
import Foundation
import GenRun

/// Ctrl-C during `gen run`: the first asks the run to stop after the batch in flight is written; a
/// second one exits at once (safe: a batch is committed whole or not at all, and `--resume` goes on).
final class InterruptHandler: @unchecked Sendable {
    // The dispatch source must stay alive while the run goes on; it is only touched on init and cancel.
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var count = 0

    init(stop: StopSignal, console: Console) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [unowned self] in
            let presses = self.lock.withLock { () -> Int in
                self.count += 1
                return self.count
            }
            if presses == 1 {
                console.writeError("\nstopping after the current batch (Ctrl-C again to quit now; resume with --resume)\n")
                stop.request("interrupted")
            } else {
                exit(130)
            }
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
