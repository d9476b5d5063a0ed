import GenCore
import GenEngine

/// The `gen` tool: its version and its commands.
public enum GenTool {
    public static let version = "0.1.0"

    /// The tool with every command. `checker` is what `gen check` runs on each file: by default GenEngine's
    /// full check; tests may pass `syntaxChecker` or their own.
    public static func make(checker: @escaping ScriptChecker = engineChecker()) -> CommandLineTool {
        let commands = [
            RunCommand.command,
            TestCommand.command,
            CompareCommand.command,
            CheckCommand.command(checker: checker),
            GraphCommand.command,
            ReplCommand.command,
            ReportCommand.command,
            InspectCommand.command,
            DoctorCommand.command,
            ExportCommand.command,
            EvalCommand.command,
            FormatCommand.command,
            InitCommand.command,
            ASTCommand.command,
            TokensCommand.command,
            LSPCommand.command,
        ]
        let topics: [String: @Sendable () -> String] = ["capabilities": { Capabilities.standard.listing }]
        // Completion is written from every command's declaration, its own included.
        let completing = CompletionSource(commands: commands.map(\.spec) + [CompletionCommand.spec], helpTopics: topics.keys.sorted())
        return CommandLineTool(version: version, commands: commands + [CompletionCommand.command(completing: completing)], topics: topics)
    }
}
