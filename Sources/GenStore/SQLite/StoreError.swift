/// Every failure of the store, as a value: what went wrong, SQLite's own message and result code when it
/// came from SQLite, and the SQL that failed, so a report can say exactly which statement broke.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// SQLite returned an error; `code` is the extended result code.
        case sqlite(code: Int32)
        /// A file operation (export, lock, directory) failed; `errno` as reported by the system.
        case io(errno: Int32)
        /// The caller asked for something that is not there (no run, no batch).
        case notFound
        /// The caller passed data the store refuses (duplicate batch, accepted sample without a sample).
        case invalid
        /// Another process holds the run directory's lock.
        case locked
    }

    public var kind: Kind
    public var message: String
    /// The statement that failed, when there is one.
    public var sql: String?

    public init(_ kind: Kind, _ message: String, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "store error: \(message)"
        if case .sqlite(let code) = kind { text += " (sqlite code \(code))" }
        if case .io(let number) = kind { text += " (errno \(number))" }
        if let sql { text += "\n  in: \(sql)" }
        return text
    }
}
