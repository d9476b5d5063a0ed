import GenCore
import GenEngine

/// The `gen` tool: its version and its commands.
public enum GenTool {
    public static let version = "0.1.0"

    /// The tool with every command. `checker` is what `gen check` runs on each file: by default GenEngine's
    /// full check; tests may pass `syntaxChecker` or their own.
    public static func make(checker: @escaping ScriptChecker = engineChecker()) -> CommandLineTool {
        CommandLineTool(version: version, commands: [
            RunCommand.command,
            CheckCommand.command(checker: checker),
            GraphCommand.command,
            ReplCommand.command,
            ReportCommand.command,
            InspectCommand.command,
            DoctorCommand.command,
            ExportCommand.command,
            EvalCommand.command,
            FormatCommand.command,
            ASTCommand.command,
            TokensCommand.command,
            LSPCommand.command,
        ], topics: ["capabilities": { Capabilities.standard.listing }])
    }
}
