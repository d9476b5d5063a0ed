import Foundation
import GenCore

/// An API key read from the environment. It prints as `<redacted>` everywhere (descriptions, dumps,
/// string interpolation), so it cannot leak into logs, stores or reports by accident.
public struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself; read only to build the Authorization header and to redact echoes.
    let secret: String

    init(_ secret: String) {
        self.secret = secret
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// The key removed from text a server sent back (some servers echo the Authorization header), byte by byte
    /// and when cut short too (see `SecretMasking`).
    func redact(_ text: String) -> String {
        SecretMasking.mask(secret, in: text, with: "<redacted>")
    }
}
