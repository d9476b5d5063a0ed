import CSQLite
import Foundation

/// One SQLite connection in WAL mode with a statement cache, typed binding and transactions.
///
/// Not thread-safe by design: it has one owner (the `RunStore` actor, or one test), which serialises use.
/// Every failure becomes a `StoreError` holding SQLite's message and the SQL; nothing here traps.
public final class SQLiteConnection {
    public let path: String
    private let database: OpaquePointer
    private var statements: [String: PreparedStatement] = [:]
    private var transactionDepth = 0
    private let redactor: SecretRedactor

    /// Opens (creating when `readOnly` is false) the database at `path`, switches it to WAL and sets the
    /// busy timeout, the durability level and foreign-key enforcement.
    ///
    /// `immutable` reads the file as it is, read-only, without locks, log or log index: how `gen doctor` looks
    /// at a store whose log is gone without resetting the index that tells what the log held.
    public init(
        path: String, readOnly: Bool = false, durability: Durability = .powerLoss,
        busyTimeoutMilliseconds: Int32 = 5000, redactor: SecretRedactor = SecretRedactor(secrets: [:]), immutable: Bool = false
    ) throws {
        var handle: OpaquePointer?
        let readOnly = readOnly || immutable
        var flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        var name = path
        if immutable {
            flags |= SQLITE_OPEN_URI
            name = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
        }
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(handle)
            throw StoreError(.sqlite(code: code), "cannot open \(path): \(message)")
        }
        self.path = path
        self.database = handle
        self.redactor = redactor
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        guard !readOnly else { return }
        let mode = try query("PRAGMA journal_mode = WAL").first?["journal_mode"]
        guard mode == .text("wal") else {
            throw StoreError(.invalid, "\(path): SQLite refused WAL mode (journal_mode is \(String(describing: mode)))")
        }
        try execute("PRAGMA synchronous = \(durability.synchronousPragma)")
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(database)
    }

    /// Runs one or more statements without parameters (DDL, pragmas).
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(database, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw StoreError(.sqlite(code: sqlite3_extended_errcode(database)), text, sql: sql)
        }
    }

    /// Runs one statement with `?` parameters and returns its rows (empty for writes).
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLValue] = []) throws -> [Row] {
        try statement(sql).run(parameters, redact: redactor.redact)
    }

    /// Runs one INSERT and returns the new row's rowid.
    public func insert(_ sql: String, _ parameters: [SQLValue]) throws -> Int64 {
        try query(sql, parameters)
        return sqlite3_last_insert_rowid(database)
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(database)) }

    /// Runs `body` inside a transaction: everything it wrote commits together, or nothing does when it throws.
    /// The outermost level takes the write lock at once (`BEGIN IMMEDIATE`) so two writers cannot deadlock on
    /// an upgrade; nested calls become savepoints. Read-only snapshots use `.deferred`.
    public func transaction<T>(_ mode: TransactionMode = .immediate, _ body: () throws -> T) throws -> T {
        let savepoint = "gen_sp\(transactionDepth)"
        try execute(transactionDepth == 0 ? "BEGIN \(mode.rawValue)" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        let result: T
        do {
            result = try body()
        } catch {
            transactionDepth -= 1
            // Rollback only fails when SQLite already rolled back by itself (for example on SQLITE_FULL).
            try? execute(transactionDepth == 0 ? "ROLLBACK" : "ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            throw error
        }
        transactionDepth -= 1
        do {
            try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
        } catch {
            try? execute(transactionDepth == 0 ? "ROLLBACK" : "ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            throw error
        }
        return result
    }

    /// Drops cached statements, which a schema change invalidates.
    func clearStatementCache() {
        statements.removeAll()
    }

    private func statement(_ sql: String) throws -> PreparedStatement {
        if let cached = statements[sql] { return cached }
        let prepared = try PreparedStatement(sql: sql, database: database)
        statements[sql] = prepared
        return prepared
    }

    static func error(_ database: OpaquePointer, code: Int32, sql: String) -> StoreError {
        StoreError(.sqlite(code: sqlite3_extended_errcode(database)), String(cString: sqlite3_errmsg(database)), sql: sql)
    }
}

/// How a top-level transaction starts.
public enum TransactionMode: String, Sendable {
    /// Takes the write lock at BEGIN: for every transaction that writes.
    case immediate = "IMMEDIATE"
    /// Takes a read snapshot at the first read: for consistent multi-query reads.
    case deferred = "DEFERRED"
}
