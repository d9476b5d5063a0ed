import Foundation

/// Where the REPL writes: answers to standard output, errors to standard error (or a buffer in tests).
public protocol ReplOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// Standard output and standard error.
public final class StandardReplOutput: ReplOutput {
    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Everything written, in order, with errors kept apart too (tests).
public final class CollectingReplOutput: ReplOutput {
    public private(set) var text = ""
    public private(set) var errors = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }

    public func writeError(_ text: String) {
        self.text += text
        errors += text
    }
}
