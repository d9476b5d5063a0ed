/// What a shell should offer when completing an argument or a flag's value. Declared beside the flag, so the
/// completion scripts (`gen completion`) follow the same declarations the parser reads.
public enum ValueCompletion: Sendable, Equatable {
    /// Free text or a number: nothing to offer.
    case nothing
    /// A fixed set of words (`--format text|dot|json`).
    case choices([String])
    /// `.gen` scripts, and directories (which stand for the scripts under them, and lead to more).
    case scripts
    /// Directories only (a run directory, an output folder).
    case directories
    /// Any file (a JSONL data file, an output file).
    case files

    /// The completion a placeholder's name implies, so most declarations need not say it: `FILE` is a script,
    /// `DIR` and `RUN` are directories, `DATASET` is a data file.
    public static func implied(byPlaceholder placeholder: String) -> ValueCompletion {
        switch placeholder {
        case "FILE": .scripts
        case "DIR", "RUN": .directories
        case "DATASET": .files
        default: .nothing
        }
    }
}
