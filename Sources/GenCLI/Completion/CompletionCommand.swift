import GenCore

/// `gen completion bash|zsh|fish`: the shell's completion script, written from the commands' own declarations.
enum CompletionCommand {
    static let shells: [(name: String, script: @Sendable (CompletionSource) -> String)] = [
        ("bash", BashCompletion.script), ("zsh", ZshCompletion.script), ("fish", FishCompletion.script),
    ]

    static let spec = CommandSpec(
        name: "completion", summary: "Print a shell completion script (bash, zsh or fish)",
        details: """
            Completes commands, each command's flags, flag values with a fixed set of choices, .gen scripts and
            directories. Install it once:
              bash: echo 'source <(gen completion bash)' >> ~/.bashrc
              zsh:  gen completion zsh > "${fpath[1]}/_gen"   (a directory on fpath, before compinit)
              fish: gen completion fish > ~/.config/fish/completions/gen.fish
            """,
        positionals: [PositionalSpec("SHELL", completion: .choices(shells.map(\.name)), help: "bash, zsh or fish")])

    /// The command completing `source`, which should list this command too.
    static func command(completing source: CompletionSource) -> Command {
        Command(spec: spec) { arguments, console in
            let name = arguments.positionals[0]
            guard let shell = shells.first(where: { $0.name == name }) else {
                let names = shells.map(\.name)
                throw UsageError(
                    message: "no completion for shell `\(name)`",
                    hint: DidYouMean.hint(name, among: names) ?? "choose one of " + names.joined(separator: ", "))
            }
            console.write(shell.script(source))
            return ExitCode.ok
        }
    }
}
