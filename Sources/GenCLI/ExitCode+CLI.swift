import GenCore

/// The command-line tool's own exit codes, next to the engine's (sysexits.h values).
extension ExitCode {
    /// The command line itself is wrong: unknown command or flag, missing argument (EX_USAGE).
    public static let usage: Int32 = 64
    /// A file named on the command line does not exist or cannot be read (EX_NOINPUT).
    public static let noInput: Int32 = 66
}
