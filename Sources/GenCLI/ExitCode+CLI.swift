import GenCore

/// The command-line tool's own exit codes, next to the engine's (sysexits.h values).
extension ExitCode {
    /// The command line itself is wrong: unknown command or flag, missing argument (EX_USAGE).
    public static let usage: Int32 = 64
    /// A run store is damaged (`gen doctor` found damage, or opening a run refused it): EX_DATAERR, the
    /// code of a script error, since both mean the input is wrong rather than the machine.
    public static let damagedStore: Int32 = 65
    /// A file named on the command line does not exist or cannot be read (EX_NOINPUT).
    public static let noInput: Int32 = 66
    /// A run ended short of its target: a budget ran out or it stalled (EX_TEMPFAIL: resume once fixed).
    public static let shortOfTarget: Int32 = 75
    /// A run stopped by Ctrl-C, SIGTERM or SIGHUP after its batch in flight was written (resume it).
    public static let interrupted: Int32 = 130

    /// Every exit code `gen` uses and what it means: `gen --help` prints this table, the README repeats it.
    public static let meanings: [(code: Int32, meaning: String)] = [
        (ok, "ok"),
        (gateFailed, "`fmt --check` found changes"),
        (usage, "bad command line"),
        (scriptError, "script error, or a damaged run store (see `gen doctor`)"),
        (noInput, "missing input (script, run directory, data file)"),
        (runtimeFailure, "runtime failure (server down or failing, ...)"),
        (shortOfTarget, "run ended short of its target (budget spent or stalled)"),
        (interrupted, "run stopped by Ctrl-C, SIGTERM or SIGHUP"),
    ]
}
