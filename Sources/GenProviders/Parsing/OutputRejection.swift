/// Why model output was rejected; recorded with the sample so nothing is dropped silently.
public struct OutputRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
