import Foundation

/// One read from the user.
public enum LineRead: Sendable, Equatable {
    case line(String)
    /// Ctrl-C: drop the input typed so far.
    case interrupt
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

/// Where the REPL's lines come from: a terminal with line editing, plain standard input, or a script (tests).
public protocol LineSource: AnyObject {
    /// True for a person at a terminal (prompts, banner, colours); false for piped input.
    var isInteractive: Bool { get }
    /// Reads one line; `complete` gives the completions of a word (for Tab).
    func readLine(prompt: String, complete: (String) -> [String]) -> LineRead
    /// Called once when the REPL ends (saves the history).
    func finish()
}

extension LineSource {
    public func finish() {}
}

/// Standard input read line by line, without prompts (they would end up mixed into piped output).
public final class PlainLineSource: LineSource {
    public init() {}

    public var isInteractive: Bool { false }

    public func readLine(prompt: String, complete: (String) -> [String]) -> LineRead {
        guard var line = Swift.readLine(strippingNewline: true) else { return .end }
        if line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }
}

/// A fixed list of reads, for tests and embedding.
public final class ScriptedLineSource: LineSource {
    private var reads: [LineRead]
    /// The prompts the REPL showed, in order.
    public private(set) var prompts: [String] = []

    public init(_ lines: [String]) {
        self.reads = lines.map(LineRead.line)
    }

    public init(reads: [LineRead]) {
        self.reads = reads
    }

    public var isInteractive: Bool { false }

    public func readLine(prompt: String, complete: (String) -> [String]) -> LineRead {
        prompts.append(prompt)
        return reads.isEmpty ? .end : reads.removeFirst()
    }
}
