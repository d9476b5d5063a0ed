import Foundation

/// One step of the schema's history. Migrations only ever get appended; an applied one is never edited.
struct Migration: Sendable {
    let version: Int
    let sql: String

    /// The tables this step creates, read from its SQL (a store that recorded the step must have them).
    var createdTables: [String] {
        sql.components(separatedBy: "CREATE TABLE ").dropFirst().compactMap { rest in
            rest.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "\n" }).first.map(String.init)
        }
    }
}

/// Brings a database up to the newest schema version, each step in its own transaction together with the
/// bump of `schema_version`, so a kill during a migration leaves the previous version intact.
enum Migrator {
    /// In increasing version order; gaps are allowed (a step is applied when its version is above the stored one).
    static let migrations: [Migration] = [
        SchemaV1.migration, SchemaV2.migration, SchemaV3.migration, SchemaV4.migration, SchemaV5.migration, SchemaV6.migration,
    ]

    /// The version the code expects.
    static var latestVersion: Int { migrations.last?.version ?? 0 }

    static func migrate(_ connection: SQLiteConnection) throws {
        try connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at REAL NOT NULL)")
        let current = try currentVersion(connection)
        guard current <= latestVersion else {
            throw StoreError(
                .invalid,
                "\(connection.path) has schema version \(current), newer than this gen understands (\(latestVersion)); upgrade gen")
        }
        precondition(zip(migrations, migrations.dropFirst()).allSatisfy { $0.version < $1.version }, "migration versions must increase")
        // Every step not yet recorded, not only those above the highest: steps written on parallel branches (5 and 6
        // here) may have reached a store in either order.
        for migration in migrations where try !appliedVersions(connection).contains(migration.version) {
            // Re-read inside the write lock: another process may have applied this step meanwhile.
            try connection.transaction {
                guard try !appliedVersions(connection).contains(migration.version) else { return }
                try connection.execute(migration.sql)
                try connection.query(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    [.int(migration.version), .real(Date().timeIntervalSince1970)])
            }
        }
        connection.clearStatementCache()
    }

    static func appliedVersions(_ connection: SQLiteConnection) throws -> Set<Int> {
        Set(try connection.query("SELECT version FROM schema_version").map { try $0.int("version") })
    }

    /// The tables a store whose recorded steps are `versions` must hold.
    static func requiredTables(versions: Set<Int>) -> [String] {
        migrations.filter { versions.contains($0.version) }.flatMap(\.createdTables)
    }

    static func currentVersion(_ connection: SQLiteConnection) throws -> Int {
        try connection.query("SELECT COALESCE(MAX(version), 0) AS version FROM schema_version").first?.int("version") ?? 0
    }
}
