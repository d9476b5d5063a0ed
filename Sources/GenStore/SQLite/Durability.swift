/// How much a committed transaction survives. Both modes run SQLite in WAL mode.
///
/// - `processCrash`: `synchronous=NORMAL`. A commit is a write into the WAL file; the OS keeps it when the
///   process dies (SIGKILL, crash, OOM kill), so no committed batch is lost or half-applied. An OS crash or
///   power loss may roll back the last few commits, but never corrupts the database.
/// - `powerLoss`: `synchronous=FULL`. Each commit also fsyncs the WAL, so a committed batch survives power
///   loss too. Costs one fsync per commit, negligible next to a batch of LLM calls; the default.
public enum Durability: String, Sendable, Codable {
    case processCrash
    case powerLoss

    var synchronousPragma: String {
        switch self {
        case .processCrash: return "NORMAL"
        case .powerLoss: return "FULL"
        }
    }
}
