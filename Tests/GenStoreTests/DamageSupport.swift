import Foundation
import GenCore
@testable import GenStore

/// Stores damaged the way a person with the sqlite3 shell (foreign keys off) or a lost file damages them.
enum Damage {
    /// A stopped, closed store with `batches` batches of two accepted and one rejected candidate each; returns the
    /// accepted samples' content hashes in ordinal order.
    @discardableResult
    static func store(_ directory: TemporaryDirectory, batches: Int) async throws -> [String] {
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        for index in 0..<batches {
            try await store.record(batch: Fixtures.batch(index, router: .object(["after": .int(index)])), candidates: [
                Fixtures.accepted(slot: 0, text: "b\(index) first"), Fixtures.rejected(slot: 1),
                Fixtures.accepted(slot: 2, text: "b\(index) second"),
            ])
        }
        let hashes = try await store.acceptedSamples().map(\.contentHash)
        try await store.setStatus(.stopped, detail: "Ctrl-C")
        await store.close()
        return hashes
    }

    /// Runs `sql` on the store without foreign-key enforcement, as the sqlite3 shell does by default.
    static func tamper(_ directory: TemporaryDirectory, _ sql: String) throws {
        let connection = try SQLiteConnection(path: directory.child(RunStore.databaseName).path)
        try connection.execute("PRAGMA foreign_keys = OFF")
        try connection.execute(sql)
    }

    /// The damage opening the store reports, or nil when it opens.
    static func openingDamage(_ directory: TemporaryDirectory, access: StoreAccess = .readWrite) -> StoreDamage? {
        do {
            _ = try RunStore(opening: directory.url, access: access, options: Fixtures.noSecrets)
            return nil
        } catch {
            return error as? StoreDamage
        }
    }

    /// Ordinal -> content hash, read straight from the tables.
    static func listed(_ directory: TemporaryDirectory) throws -> [Int: String] {
        let connection = try SQLiteConnection(path: directory.child(RunStore.databaseName).path, readOnly: true)
        var result: [Int: String] = [:]
        for row in try connection.query("SELECT a.ordinal, c.content_hash FROM accepted a JOIN candidates c ON c.id = a.candidate_id") {
            result[try row.int("ordinal")] = try row.text("content_hash")
        }
        return result
    }
}
