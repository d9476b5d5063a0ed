import Foundation
import GenCore
import GenEngine

/// Wires a `ReplSession` to a line source and an output: the loop behind `gen repl`.
public enum ReplDriver {
    /// Shown before a new input.
    public static let prompt = "gen> "
    /// Shown while an input continues (an unclosed brace or string).
    public static let continuationPrompt = "...> "

    /// Reads and answers lines until `:quit` or the end of input. Returns the exit code: 0, or 65 when the input
    /// was not interactive (a piped script) and some input failed.
    @discardableResult
    public static func run(session: ReplSession, input: some LineSource, output: some ReplOutput) -> Int32 {
        var session = session
        var failed = false
        defer { input.finish() }
        loop: while true {
            let prompt = session.isContinuing ? continuationPrompt : prompt
            let read = input.readLine(prompt: prompt) { session.complete(prefix: $0) }
            switch read {
            case .line(let line):
                let reply = session.submit(line)
                if case .quit = reply { break loop }
                failed = show(reply, on: output) || failed
            case .interrupt:
                session.cancelInput()
            case .end:
                if let reply = session.endOfInput() { failed = show(reply, on: output) || failed }
                break loop
            }
        }
        return failed && !input.isInteractive ? ExitCode.scriptError : ExitCode.ok
    }

    /// `gen repl [FILE]`: a session in `directory` (default: the current one), FILE loaded first, line editing
    /// when standard input and output are terminals, plain line reading otherwise.
    public static func runStandardIO(engine: Engine, file: String? = nil, directory: URL? = nil) -> Int32 {
        let terminal = TerminalLineReader()
        let environment = ProcessInfo.processInfo.environment
        let colour = terminal != nil && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let here = directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var session = ReplSession(engine: engine, directory: here, colour: colour)
        let output = StandardReplOutput()
        var loadFailed = false
        if terminal != nil { output.write("gen \(session.version) REPL: `:help` lists the commands, `:quit` or Ctrl-D leaves.\n") }
        if let file { loadFailed = show(session.load(path: file), on: output) }
        let code: Int32 = if let terminal {
            run(session: session, input: terminal, output: output)
        } else {
            run(session: session, input: PlainLineSource(), output: output)
        }
        return loadFailed && terminal == nil ? ExitCode.scriptError : code
    }

    /// Writes a reply; true when it was an error.
    private static func show(_ reply: ReplReply, on output: some ReplOutput) -> Bool {
        switch reply {
        case .output(let text):
            if !text.isEmpty { output.write(text.hasSuffix("\n") ? text : text + "\n") }
            return false
        case .error(let text):
            output.writeError(text.hasSuffix("\n") ? text : text + "\n")
            return true
        case .needMoreInput, .quit:
            return false
        }
    }
}
