import Foundation

/// Lines entered earlier, oldest first, bounded; saved as one line per entry (`~/.gen_history`).
public struct EditHistory: Sendable, Equatable {
    public private(set) var entries: [String] = []
    /// The most entries kept; older ones are dropped.
    public let limit: Int

    /// A history holding the newest `limit` of `entries` (blank lines and repeats skipped).
    public init(limit: Int = 1_000, entries: [String] = []) {
        self.limit = max(1, limit)
        entries.forEach { add($0) }
    }

    /// Adds a line unless it is blank or repeats the newest entry; drops the oldest beyond the limit.
    public mutating func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), entries.last != line else { return }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    /// The file's lines as history (missing or unreadable file: empty).
    public static func load(from path: String, limit: Int = 1_000) -> EditHistory {
        guard let data = FileManager.default.contents(atPath: path) else { return EditHistory(limit: limit) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        return EditHistory(limit: limit, entries: Array(lines.suffix(limit)))
    }

    /// Writes the history, one entry per line. Failing to save history is not worth interrupting the user for.
    public func save(to path: String) {
        let text = entries.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// `~/.gen_history`, or nil without a home directory.
    public static var defaultPath: String? {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.gen_history"
    }
}
