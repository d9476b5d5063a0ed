import CSQLite

/// A compiled statement owned by one connection: bind typed values, step, copy rows out, reset for reuse.
///
/// Internal: callers go through `SQLiteConnection`, which caches these by SQL text and never lets one outlive it.
final class PreparedStatement {
    let sql: String
    private let handle: OpaquePointer
    private let database: OpaquePointer
    private let columnNames: [String]

    init(sql: String, database: OpaquePointer) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteConnection.error(database, code: code, sql: sql)
        }
        self.sql = sql
        self.handle = statement
        self.database = database
        self.columnNames = (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `values` to ?1...?n, runs the statement to completion and returns every row it produced.
    /// Text passes through `redact` first: the one place every stored string goes through.
    func run(_ values: [SQLValue], redact: (String) -> String) throws -> [Row] {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw StoreError(.invalid, "statement takes \(expected) parameters, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1), redact: redact)
        }
        var rows: [Row] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw SQLiteConnection.error(database, code: code, sql: sql) }
            rows.append(Row(columns: columnNames, values: (0..<Int32(columnNames.count)).map(column)))
        }
    }

    private func bind(_ value: SQLValue, at index: Int32, redact: (String) -> String) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .real(let number): code = sqlite3_bind_double(handle, index, number)
        case .text(let string):
            // Bound by byte count, so text with embedded NUL bytes is stored whole.
            var safe = redact(string)
            code = safe.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, Self.transient)
                }
                let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text64(handle, index, chars, UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, !raw.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
                return sqlite3_bind_blob64(handle, index, base, UInt64(raw.count), Self.transient)
            }
        }
        guard code == SQLITE_OK else { throw SQLiteConnection.error(database, code: code, sql: sql) }
    }

    private func column(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let blob = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default: return .null
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies bound text and blobs, so Swift buffers may go away after binding.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
