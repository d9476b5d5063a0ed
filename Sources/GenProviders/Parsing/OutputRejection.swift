/// Why model output was rejected; recorded with the sample so nothing is dropped silently.
public struct OutputRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    /// Reasons are kept short: they are shown, stored and grouped (one carried 20,000 characters of output).
    public init(_ reason: String) {
        self.reason = reason.count > 300 ? String(reason.prefix(300)) + "…" : reason
    }

    public var description: String { reason }
}
