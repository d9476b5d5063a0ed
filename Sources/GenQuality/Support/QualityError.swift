/// Errors of the quality layer: bad settings, bad input vectors, invalid patterns. Never a crash.
public enum QualityError: Error, Equatable, CustomStringConvertible {
    case invalidConfiguration(String)
    /// A vector whose length differs from the index's dimensions.
    case dimensionMismatch(expected: Int, got: Int)
    /// A vector containing NaN or infinity.
    case nonFiniteVector
    /// A regular expression that does not compile; `path` says where it came from (e.g. `$.text`).
    case invalidPattern(pattern: String, path: String, message: String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let message): return "invalid quality setting: \(message)"
        case .dimensionMismatch(let expected, let got):
            return "vector has \(got) dimensions, but the index holds \(expected)-dimensional vectors"
        case .nonFiniteVector: return "vector contains NaN or infinity"
        case .invalidPattern(let pattern, let path, let message):
            return "pattern \"\(pattern)\" at \(path) is not a valid regular expression: \(message)"
        }
    }
}
