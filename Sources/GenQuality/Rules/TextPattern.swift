import GenCore
import Synchronization

/// A compiled regular expression for schema patterns and rule builtins, on Gen's linear-time engine: no
/// pattern can stall on a sample, and a match over its step budget throws `RegexBudgetExceeded`.
///
/// `occurs(in:)` searches anywhere (the `matches(text, "[0-9]{12,19}")` builtin); `matchesWhole(_:)` needs
/// the whole text to match (a schema's `pattern`), as if the pattern were wrapped in `\A(?:...)\z`.
public struct TextPattern: Sendable {
    public let source: String
    private let regex: LinearRegex

    public init(_ pattern: String, path: String = "pattern") throws {
        do {
            regex = try LinearRegex(pattern)
        } catch {
            throw QualityError.invalidPattern(pattern: pattern, path: path, message: error.description)
        }
        source = pattern
    }

    public func occurs(in text: String, stepBudget: Int = LinearRegex.defaultStepBudget) throws(RegexBudgetExceeded) -> Bool {
        try regex.occurs(in: text, stepBudget: stepBudget)
    }

    public func matchesWhole(_ text: String, stepBudget: Int = LinearRegex.defaultStepBudget) throws(RegexBudgetExceeded) -> Bool {
        try regex.matchesWhole(text, stepBudget: stepBudget)
    }

    private static let cache = Mutex<[String: TextPattern]>([:])

    /// A compiled pattern from a process-wide cache, so a rule evaluated on every sample compiles it once.
    public static func cached(_ pattern: String) throws -> TextPattern {
        if let hit = cache.withLock({ $0[pattern] }) { return hit }
        let compiled = try TextPattern(pattern)
        cache.withLock { entries in
            if entries.count >= 256 { entries.removeAll() }  // a bound, in case patterns are built per sample
            entries[pattern] = compiled
        }
        return compiled
    }
}
