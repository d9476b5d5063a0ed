import Foundation
import GenEngine
import GenREPL

enum Paths {
    /// The repository root (examples/ lives there).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A session in the repository root with no environment variables (so `env(...)` answers its default).
func makeSession() -> ReplSession {
    ReplSession(engine: Engine(variables: [:]), directory: Paths.root)
}

extension ReplSession {
    /// Submits each line; the replies in order.
    mutating func feed(_ lines: String...) -> [ReplReply] {
        lines.map { submit($0) }
    }

    /// The text of `:env`.
    mutating func environmentListing() -> String {
        if case .output(let text) = submit(":env") { return text }
        return "<:env failed>"
    }
}

extension ReplReply {
    var errorText: String? {
        if case .error(let text) = self { return text }
        return nil
    }

    var outputText: String? {
        if case .output(let text) = self { return text }
        return nil
    }
}
