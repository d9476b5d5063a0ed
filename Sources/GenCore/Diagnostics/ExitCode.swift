/// Process exit codes shared by the CLI and the engine (sysexits-style, as in jlox).
public enum ExitCode {
    /// Everything went well.
    public static let ok: Int32 = 0
    /// `gen test` or a quality gate failed.
    public static let gateFailed: Int32 = 1
    /// The script or its data is wrong (syntax, semantic or data error).
    public static let scriptError: Int32 = 65
    /// The run failed for a reason outside the script (network, store, internal error).
    public static let runtimeFailure: Int32 = 70
}
