import Foundation
import GenCore

/// Replaces secret values with `[redacted NAME]` in every string the store writes.
///
/// The IR holds only the *names* of key variables, so nothing should ever carry a key into the store; this is
/// the belt to that pair of braces. A secret is the value of any environment variable whose name ends in
/// `_KEY`, `_TOKEN`, `_SECRET` or `_PASSWORD` (values under 8 characters are ignored: replacing every "1"
/// or "true" would mangle data and protect nothing). The JSON-escaped spelling is redacted too, so a key
/// holding quotes or backslashes cannot slip through inside a JSON column.
public struct SecretRedactor: Sendable {
    /// The name suffixes that mark a variable as secret.
    public static let secretSuffixes = ["_KEY", "_TOKEN", "_SECRET", "_PASSWORD"]
    /// Shorter values are not redacted (they would match ordinary words).
    public static let minimumLength = 8

    /// (spelling to find, replacement), longest first so a secret containing another is replaced whole.
    private let replacements: [(String, String)]

    /// Secrets taken from an environment (normally `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        self.init(secrets: Self.secretNamed(in: environment))
    }

    /// The variables whose names mark them as secret (`*_KEY`, `*_TOKEN`, ...), with their values.
    public static func secretNamed(in environment: [String: String]) -> [String: String] {
        environment.filter { name, _ in secretSuffixes.contains { name.uppercased().hasSuffix($0) } }
    }

    /// Secrets given directly as name to value.
    public init(secrets: [String: String]) {
        var pairs: [(String, String)] = []
        for (name, value) in secrets where value.count >= Self.minimumLength {
            let replacement = "[redacted \(name)]"
            pairs.append((value, replacement))
            let escaped = String(CanonicalJSON.string(.string(value)).dropFirst().dropLast())
            if escaped != value { pairs.append((escaped, replacement)) }
        }
        self.replacements = pairs.sorted { $0.0.count > $1.0.count }
    }

    /// Whether any secret is known (when not, `redact` is the identity and costs nothing).
    public var isEmpty: Bool { replacements.isEmpty }

    /// `text` with every secret spelling replaced, matched byte by byte (a secret followed by a combining mark is
    /// still found), and a secret cut short by an excerpt down to its first `SecretMasking.minimumPrefix` bytes.
    public func redact(_ text: String) -> String {
        var result = text
        for (secret, replacement) in replacements {
            result = SecretMasking.mask(secret, in: result, with: replacement)
        }
        return result
    }
}
