import GenCore

/// Why model output was rejected; recorded with the sample so nothing is dropped silently.
public struct OutputRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    /// Reasons are kept short (`RejectionReason.maxLength`): they are shown, stored and grouped.
    public init(_ reason: String) {
        self.reason = RejectionReason.capped(reason)
    }

    public var description: String { reason }
}
