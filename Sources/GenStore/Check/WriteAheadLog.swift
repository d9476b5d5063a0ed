import Foundation

/// The state of `run.sqlite-wal`, read from the header of its index `run.sqlite-shm` BEFORE any SQLite
/// connection opens the store: the first connection resets that header, and with it the evidence.
///
/// A killed run leaves both files; its last commits live only in the log until a checkpoint copies them
/// into `run.sqlite`. When the log is deleted afterwards (it looks like a temporary file), the index still
/// says how many page writes it held and how many were copied: exactly what is lost.
struct WriteAheadLog: Sendable, Equatable {
    /// Page writes the log held (`mxFrame`).
    var frames: Int
    /// Of those, how many a checkpoint had copied into the database (`nBackfill`).
    var copied: Int
    var pageSize: Int

    var lostFrames: Int { max(0, frames - copied) }
    var lostBytes: Int { lostFrames * pageSize }

    /// The log's state when its index says it held writes not yet copied but the log is gone (missing, or
    /// shorter than its 32-byte header); nil for a healthy pair, a cleanly closed store, or no index.
    static func loss(databasePath path: String) -> WriteAheadLog? {
        guard let index = FileManager.default.contents(atPath: path + "-shm"), let log = read(index: index),
              log.lostFrames > 0 else { return nil }
        let logSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return logSize < 32 ? log : nil
    }

    /// Parses the wal-index header (sqlite3 wal.c: two 48-byte copies of WalIndexHdr, then WalCkptInfo),
    /// in the machine's byte order. Nil unless both copies agree and the index is initialised.
    static func read(index bytes: Data) -> WriteAheadLog? {
        guard bytes.count >= 100 else { return nil }
        let data = [UInt8](bytes.prefix(100))
        func u32(_ offset: Int) -> Int {
            Int(data[offset..<offset + 4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
        }
        guard data[0..<48] == data[48..<96], u32(0) == 3_007_000, data[12] == 1 else { return nil }
        let size = Int(data[14..<16].withUnsafeBytes { $0.loadUnaligned(as: UInt16.self) })
        return WriteAheadLog(frames: u32(16), copied: u32(96), pageSize: size == 1 ? 65_536 : size)
    }

    /// The finding. `remaining` says what the database file holds without the log ("120 of 300 accepted
    /// samples in 12 batches"), nil when not known yet (opening a run only names the damage); `recoverable`
    /// is false when the file holds no run at all.
    func finding(remaining: String?, recoverable: Bool = true) -> StoreFinding {
        let copiedText = copied == 0 ? "none of them" : "\(copied) of them"
        var detail = "the write-ahead log run.sqlite-wal is gone, and with it the run's last writes: its index run.sqlite-shm says "
            + "it held \(frames) page writes, \(copiedText) copied into run.sqlite (\(Self.size(lostBytes)) lost: the writer ended "
            + "without closing the store, killed or crashed, and the log was deleted after)"
        if let remaining { detail += "; the store holds what was checkpointed: \(remaining)" }
        return StoreFinding(
            .lostLog, rows: lostFrames, detail,
            recoverable
                ? .repair("continue from what was checkpointed: the run is marked stopped and `gen run --resume` "
                          + "generates the lost batches again; a dataset.jsonl holding more samples is kept aside")
                : .manual("nothing was checkpointed before the log was lost, so nothing can be recovered from the store; "
                          + "start the run again (any dataset.jsonl written earlier still holds what it held)"))
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) : "\((bytes + 1023) / 1024) KiB"
    }
}
