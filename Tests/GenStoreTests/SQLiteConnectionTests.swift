import Foundation
import Testing
@testable import GenStore

@Suite struct SQLiteConnectionTests {
    /// A connection to a fresh database, and its directory for the caller to remove.
    private func connect(_ label: String = #function) throws -> (SQLiteConnection, TemporaryDirectory) {
        let directory = try TemporaryDirectory(label)
        return (try SQLiteConnection(path: directory.child("test.sqlite").path), directory)
    }

    @Test func opensInWALModeWithForeignKeys() throws {
        let (connection, directory) = try connect()
        defer { directory.remove() }
        #expect(try connection.query("PRAGMA journal_mode").first?["journal_mode"] == .text("wal"))
        #expect(try connection.query("PRAGMA foreign_keys").first?["foreign_keys"] == .integer(1))
        #expect(try connection.query("PRAGMA synchronous").first?["synchronous"] == .integer(2))  // FULL
    }

    @Test func typedValuesRoundTrip() throws {
        let (connection, directory) = try connect()
        defer { directory.remove() }
        try connection.execute("CREATE TABLE t (v)")
        let values: [SQLValue] = [
            .null, .integer(Int64.min), .integer(Int64.max), .real(-0.125), .text(""), .text("naïve 🚀"),
            .text("nul\u{0}inside"), .blob([]), .blob([0, 255, 7]),
        ]
        for value in values { try connection.query("INSERT INTO t (v) VALUES (?)", [value]) }
        let stored = try connection.query("SELECT v FROM t ORDER BY rowid").map { $0.values[0] }
        // SQLite turns a zero-length blob into an empty blob, not NULL: every value comes back as bound.
        #expect(stored == values)
    }

    @Test func errorsCarrySQLAndSQLiteMessage() throws {
        let (connection, directory) = try connect()
        defer { directory.remove() }
        let error = #expect(throws: StoreError.self) { try connection.query("SELECT * FROM missing_table") }
        #expect(error?.sql == "SELECT * FROM missing_table")
        #expect(error?.message.contains("no such table") == true)
        if case .sqlite(let code)? = error?.kind { #expect(code == 1) } else { Issue.record("expected a sqlite error") }
        let mismatch = #expect(throws: StoreError.self) { try connection.query("SELECT ?", []) }
        #expect(mismatch?.message.contains("takes 1 parameters, got 0") == true)
    }

    @Test func typedGettersThrowInsteadOfTrapping() throws {
        let (connection, directory) = try connect()
        defer { directory.remove() }
        let row = try #require(try connection.query("SELECT 'x' AS word, NULL AS empty").first)
        #expect(throws: StoreError.self) { try row.int("word") }
        #expect(throws: StoreError.self) { try row.text("empty") }
        #expect(throws: StoreError.self) { try row.text("absent") }
        #expect(try row.optionalText("empty") == nil)
    }

    @Test func failedTransactionLeavesNothing() throws {
        struct Boom: Error {}
        let (connection, directory) = try connect()
        defer { directory.remove() }
        try connection.execute("CREATE TABLE t (v INTEGER)")
        #expect(throws: Boom.self) {
            try connection.transaction {
                try connection.query("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try connection.query("SELECT COUNT(*) AS n FROM t").first?.int("n") == 0)
        // The connection is usable again and a nested failure only undoes its own savepoint.
        try connection.transaction {
            try connection.query("INSERT INTO t VALUES (2)")
            try? connection.transaction {
                try connection.query("INSERT INTO t VALUES (3)")
                throw Boom()
            }
        }
        #expect(try connection.query("SELECT v FROM t").map { try $0.int("v") } == [2])
    }

    @Test func openingAnUnreachablePathIsAnError() {
        let error = #expect(throws: StoreError.self) { try SQLiteConnection(path: "/nonexistent-dir/x/test.sqlite") }
        #expect(error?.message.contains("cannot open") == true)
    }
}
