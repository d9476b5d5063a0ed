import Foundation
import Testing
@testable import GenStore

@Suite struct SchemaTests {
    @Test func createsEveryTableAtTheLatestVersion() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        await store.close()
        let connection = try SQLiteConnection(path: directory.child(RunStore.databaseName).path)
        let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { try $0.text("name") }
        #expect(tables == ["accepted", "attribute_discoveries", "batch_job_lines", "batch_jobs", "batches", "cache", "candidates", "checks", "demotions",
                           "discovered_attributes", "endpoint_traffic", "evaluation_credit", "evaluations", "runs", "schema_version"])
        #expect(try Migrator.currentVersion(connection) == Migrator.latestVersion)
        #expect(try connection.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func migratingTwiceIsHarmless() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.child("x.sqlite").path)
        try Migrator.migrate(connection)
        try Migrator.migrate(connection)
        #expect(try connection.query("SELECT COUNT(*) AS n FROM schema_version").first?.int("n") == Migrator.migrations.count)
    }

    /// A store written before the noise filter and attribute discovery (version 1) gains their tables when opened read-write.
    @Test func aVersionOneStoreMigratesToTheDemotionAndDiscoveryTables() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.child("x.sqlite").path)
        try connection.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at REAL NOT NULL)")
        try connection.execute(SchemaV1.migration.sql)
        try connection.query("INSERT INTO schema_version VALUES (1, 0)")
        try Migrator.migrate(connection)
        #expect(try Migrator.currentVersion(connection) == Migrator.latestVersion)
        #expect(try connection.query("SELECT COUNT(*) AS n FROM discovered_attributes").first?.int("n") == 0)
        #expect(try connection.query("SELECT COUNT(*) AS n FROM demotions").first?.int("n") == 0)
    }

    /// Steps written on parallel branches may reach a store in either order: a store that recorded 6 but not 5 still
    /// gets 5 (before, only steps above the highest recorded were applied, so it never would).
    @Test func aStepMissingBelowTheHighestIsAppliedToo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.child("x.sqlite").path)
        try Migrator.migrate(connection)
        try connection.execute("DROP TABLE batch_job_lines; DROP TABLE batch_jobs; DELETE FROM schema_version WHERE version = 5;")
        try Migrator.migrate(connection)
        #expect(try Migrator.appliedVersions(connection) == Set(Migrator.migrations.map(\.version)))
        #expect(try connection.query("SELECT COUNT(*) AS n FROM batch_jobs").first?.int("n") == 0)
    }

    @Test func eachStepNamesTheTablesItCreates() {
        #expect(SchemaV1.migration.createdTables == ["runs", "batches", "candidates", "checks", "accepted", "evaluations", "evaluation_credit", "cache"])
        #expect(SchemaV6.migration.createdTables == ["endpoint_traffic"])
        #expect(SchemaV4.migration.createdTables.isEmpty, "version 4 only adds columns")
        #expect(Migrator.requiredTables(versions: [2, 5]) == ["demotions", "batch_jobs", "batch_job_lines"])
    }

    @Test func refusesASchemaFromTheFuture() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.child("x.sqlite").path)
        try Migrator.migrate(connection)
        try connection.query("INSERT INTO schema_version VALUES (99, 0)")
        let error = #expect(throws: StoreError.self) { try Migrator.migrate(connection) }
        #expect(error?.message.contains("newer than this gen understands") == true)
    }

    @Test func creatingOverAnExistingRunAndOpeningNothingAreErrors() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: StoreError(.notFound, "no run store at \(directory.child(RunStore.databaseName).path)")) {
            try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        }
        let store = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        await store.close()
        let error = #expect(throws: StoreError.self) {
            try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        }
        #expect(error?.message.contains("already holds run 1") == true)
    }

    @Test func onlyOneWriterPerRunDirectory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try RunStore(creating: Fixtures.newRun(), in: directory.url, options: Fixtures.noSecrets)
        let error = #expect(throws: StoreError.self) { try RunStore(opening: directory.url, options: Fixtures.noSecrets) }
        #expect(error?.kind == .locked)
        let reader = try RunStore(opening: directory.url, access: .readOnly, options: Fixtures.noSecrets)
        #expect(try await reader.info().status == .running)
        await writer.close()
        let resumed = try RunStore(opening: directory.url, options: Fixtures.noSecrets)
        #expect(try await resumed.acceptedCount() == 0)
        await resumed.close()
        await #expect(throws: StoreError.self) { try await resumed.acceptedCount() }
    }
}
