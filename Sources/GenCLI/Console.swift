import Foundation

/// Where a command reads and writes. Commands never touch the process's streams directly, so tests capture
/// their output exactly and feed their input.
public protocol Console: Sendable {
    func write(_ text: String)
    func writeError(_ text: String)
    /// All of standard input (for `gen fmt -`).
    func readInput() -> Data
    /// Colour and live status blocks only when the stream is a terminal.
    var stdoutIsTerminal: Bool { get }
    var stderrIsTerminal: Bool { get }
}

/// The process's real standard streams.
public struct StandardConsole: Console {
    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    public func readInput() -> Data {
        FileHandle.standardInput.readDataToEndOfFile()
    }

    public var stdoutIsTerminal: Bool { isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
    public var stderrIsTerminal: Bool { isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

/// Collects output in memory and serves a fixed input; used by the CLI's tests.
public final class CapturingConsole: Console, @unchecked Sendable {
    // Guarded by `lock`: commands may write from several tasks.
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    private let input: Data
    public let stdoutIsTerminal: Bool
    public let stderrIsTerminal: Bool

    public init(terminal: Bool = false, input: String = "") {
        stdoutIsTerminal = terminal
        stderrIsTerminal = terminal
        self.input = Data(input.utf8)
    }

    public func write(_ text: String) { lock.withLock { out += text } }
    public func writeError(_ text: String) { lock.withLock { err += text } }
    public func readInput() -> Data { input }
    public var stdoutText: String { lock.withLock { out } }
    public var stderrText: String { lock.withLock { err } }
}
