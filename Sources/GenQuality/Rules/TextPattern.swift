import Foundation
import Synchronization

/// A compiled regular expression (ICU syntax, through Foundation) for schema patterns and rule builtins.
///
/// `occurs(in:)` searches anywhere (the `matches(text, "[0-9]{12,19}")` builtin); `matchesWhole(_:)` needs
/// the whole text to match (a schema's `pattern`), as if the pattern were wrapped in `^(?:...)$`.
public struct TextPattern: Sendable {
    public let source: String
    private let search: NSRegularExpression
    private let whole: NSRegularExpression

    public init(_ pattern: String, path: String = "pattern") throws {
        do {
            search = try NSRegularExpression(pattern: pattern)
            whole = try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
        } catch {
            throw QualityError.invalidPattern(pattern: pattern, path: path, message: "\(error.localizedDescription)")
        }
        source = pattern
    }

    public func occurs(in text: String) -> Bool {
        search.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    public func matchesWhole(_ text: String) -> Bool {
        whole.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
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
