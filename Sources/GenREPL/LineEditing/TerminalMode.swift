import Glibc

/// The terminal state saved before raw mode, for the signal handler (which cannot capture context).
/// Written only by `TerminalMode` on the REPL's one thread; read by the handler while that thread is stopped.
nonisolated(unsafe) private var savedTerminal: (fd: Int32, state: termios)?
nonisolated(unsafe) private var handlersInstalled = false

/// Puts a terminal in raw mode (no line buffering, no echo, no signal keys) until `restore()`.
///
/// Output processing stays on so `\n` still moves to the start of the next line. A fatal signal arriving while
/// raw restores the terminal first, so the shell is not left without echo.
final class TerminalMode {
    private let fd: Int32
    private var original: termios
    private var isRaw = true

    /// Raw mode on `fd`, or nil when it is not a terminal.
    init?(fd: Int32) {
        guard isatty(fd) == 1 else { return nil }
        var state = termios()
        guard tcgetattr(fd, &state) == 0 else { return nil }
        self.fd = fd
        self.original = state
        var raw = state
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        Self.installSignalHandlers()
        savedTerminal = (fd, state)
        guard tcsetattr(fd, TCSAFLUSH, &raw) == 0 else {
            savedTerminal = nil
            return nil
        }
    }

    /// Back to the state found at `init`; safe to call twice.
    func restore() {
        guard isRaw else { return }
        isRaw = false
        tcsetattr(fd, TCSAFLUSH, &original)
        savedTerminal = nil
    }

    deinit { restore() }

    private static func installSignalHandlers() {
        guard !handlersInstalled else { return }
        handlersInstalled = true
        for number in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] {
            signal(number) { received in
                if var saved = savedTerminal { tcsetattr(saved.fd, TCSANOW, &saved.state) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
