import GenCore

/// A file named on the command line that could not be used, and the exit code that goes with it.
public struct FileProblem: Sendable, Equatable, Error {
    public let path: String
    public let reason: String
    /// `ExitCode.noInput` (66) for a missing or unreadable file, `ExitCode.scriptError` (65) for bad contents.
    public let exitCode: Int32

    public init(path: String, reason: String, exitCode: Int32) {
        self.path = path
        self.reason = reason
        self.exitCode = exitCode
    }

    /// `error: cannot read `x.gen`: no such file`
    public var message: String { "error: cannot read `\(path)`: \(reason)\n" }
}
