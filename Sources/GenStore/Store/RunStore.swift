import Foundation
import GenCore

/// The run store: one run in `DIR/run.sqlite`, written by the run loop and read by resume, export and report.
///
/// All writes for a batch happen in one transaction (`record(batch:candidates:)`), so a run killed at any
/// moment keeps every batch it committed and nothing of the one in flight. The actor serialises access to
/// the connection; a read-write store also holds `DIR/run.lock`, so only one process continues a run.
public actor RunStore {
    /// File names inside a run directory.
    public static let databaseName = "run.sqlite"

    public nonisolated let directory: URL
    public nonisolated let runID: Int64
    private var connection: SQLiteConnection?
    private var lock: RunDirectoryLock?
    /// What the store redacts; the run applies it to what it prints too (the summary's top rejection showed a key
    /// a server echoed, while the store had it redacted).
    public nonisolated let redactor: SecretRedactor
    var cacheCounters = CacheStatistics()

    /// Creates `directory` when needed and starts a new run in it. Fails when the directory already holds
    /// a run: continue that one with `init(opening:)` instead.
    public init(creating run: NewRun, in directory: URL, options: StoreOptions = StoreOptions()) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.io(errno: 0), "cannot create run directory \(directory.path): \(error.localizedDescription)")
        }
        let lock = try RunDirectoryLock(directory: directory)
        let connection = try Self.connect(directory, readOnly: false, options: options)
        try Migrator.migrate(connection)
        if let existing = try connection.query("SELECT id FROM runs LIMIT 1").first {
            throw StoreError(
                .invalid,
                "\(directory.path) already holds run \(try existing.int("id")); resume it (gen run --resume) or pick a new directory")
        }
        self.runID = try connection.insert(
            """
            INSERT INTO runs (script_path, script_sha256, seed, graph_json, target_count, status, started_at)
            VALUES (?, ?, ?, ?, ?, 'running', ?)
            """,
            [
                .text(run.scriptPath), .text(run.scriptSHA256), .text(String(run.seed)), JSONColumn.text(run.graph),
                .int(run.targetCount), .real(run.startedAt.timeIntervalSince1970),
            ])
        self.directory = directory
        self.connection = connection
        self.lock = lock
        self.redactor = options.redactor
    }

    /// Opens the run in `directory`: read-write to resume it (migrating an older schema), read-only for reports.
    ///
    /// A damaged store is refused with `StoreDamage` (see `StoreCheck`), naming the damage: before the
    /// connection opens when the write-ahead log is gone (opening would reset what tells how much went
    /// with it), after it for the rows.
    public init(opening directory: URL, access: StoreAccess = .readWrite, options: StoreOptions = StoreOptions()) throws {
        let path = directory.appendingPathComponent(Self.databaseName).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound, "no run store at \(path)")
        }
        let lock = access == .readWrite ? try RunDirectoryLock(directory: directory) : nil
        if let lostLog = WriteAheadLog.loss(databasePath: path) {
            throw StoreDamage(directory: directory, findings: [lostLog.finding(remaining: nil)])
        }
        let connection = try Self.connect(directory, readOnly: access == .readOnly, options: options)
        if access == .readWrite {
            try Migrator.migrate(connection)
        } else if try Migrator.currentVersion(connection) != Migrator.latestVersion {
            throw StoreError(.invalid, "\(path) has an older schema; open it read-write once to migrate it")
        }
        let runs = try connection.query("SELECT id FROM runs ORDER BY id LIMIT 2")
        guard runs.count == 1, let run = runs.first else {
            throw StoreError(.notFound, "\(path) holds \(runs.isEmpty ? "no run" : "more than one run")")
        }
        try StoreCheck(depth: .onOpen).verify(connection, directory: directory)
        self.runID = try run.int64("id")
        self.directory = directory
        self.connection = connection
        self.lock = lock
        self.redactor = options.redactor
    }

    /// Closes the database and releases the directory lock; later calls fail with a clear error.
    public func close() {
        connection = nil
        lock = nil
    }

    /// The open connection, or an error once `close()` ran.
    func database() throws -> SQLiteConnection {
        guard let connection else { throw StoreError(.invalid, "the run store for \(directory.path) is closed") }
        return connection
    }

    private static func connect(_ directory: URL, readOnly: Bool, options: StoreOptions) throws -> SQLiteConnection {
        try SQLiteConnection(
            path: directory.appendingPathComponent(databaseName).path, readOnly: readOnly,
            durability: options.durability, busyTimeoutMilliseconds: options.busyTimeoutMilliseconds,
            redactor: options.redactor)
    }
}
