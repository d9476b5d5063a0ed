/// `gen completion fish`: one `complete` line per declared command and flag, each guarded by the command word.
enum FishCompletion {
    static func script(_ source: CompletionSource) -> String {
        let program = source.program
        let guardName = "__\(source.functionName.dropFirst())_command"
        let scriptsName = "__\(source.functionName.dropFirst())_scripts"
        var lines = [
            "# fish completion for \(program), written by `\(program) completion fish` from the declarations of its",
            "# commands and flags. Install: \(program) completion fish > ~/.config/fish/completions/\(program).fish",
            "",
            "# True when the command word (the first after `\(program)`) is NAME; with no NAME, when there is none yet.",
            "function \(guardName) --argument-names name",
            "    set -l tokens (commandline -opc)",
            "    if test -z \"$name\"",
            "        test (count $tokens) -eq 1",
            "    else",
            "        test (count $tokens) -ge 2; and test \"$tokens[2]\" = \"$name\"",
            "    end",
            "end",
            "",
            "# .gen scripts and directories (fish's own helper lists every file, the .gen ones first).",
            "function \(scriptsName)",
            "    __fish_complete_suffix .gen | string match -r -- '^[^\\t]*(?:\\.gen|/)(?:\\t.*)?$'",
            "end",
            "",
            "# Nothing but what is declared below: no file names unless an argument is a path.",
            "complete -c \(program) -f",
        ]
        for command in source.commands {
            lines.append("complete -c \(program) -n \(guardName) -a \(ShellQuote.fish(command.name)) -d \(ShellQuote.fish(command.summary))")
        }
        for flag in CompletionSource.programFlags {
            lines.append("complete -c \(program) -n \(guardName) -l \(flag.name) -d \(ShellQuote.fish(flag.help))")
        }
        for command in source.commands {
            let condition = "-n " + ShellQuote.fish("\(guardName) \(command.name)")
            lines.append("")
            for flag in command.flags {
                let value = flag.valueName == nil ? "" : " " + valueOptions(flag.completion, scripts: scriptsName)
                lines.append("complete -c \(program) \(condition) -l \(flag.name)\(value) -d \(ShellQuote.fish(flag.help))")
            }
            lines.append("complete -c \(program) \(condition) -l help -d 'show help'")
            if !command.positionals.isEmpty, let options = positionalOptions(command.positionalCompletion, scripts: scriptsName) {
                lines.append("complete -c \(program) \(condition) \(options)")
            }
        }
        let help = source.helpWords.joined(separator: " ")
        lines.append("")
        lines.append("complete -c \(program) -n " + ShellQuote.fish("\(guardName) help") + " -a " + ShellQuote.fish(help))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The options after `-l NAME` for a flag that takes a value (`-x`: a value, and no file names unless given).
    static func valueOptions(_ completion: ValueCompletion, scripts: String) -> String {
        switch completion {
        case .nothing: "-x"
        case .files: "-r -F"
        default: "-x " + (positionalOptions(completion, scripts: scripts) ?? "")
        }
    }

    /// What a positional argument offers, or nil for free text.
    /// `scripts` names the script's function that lists `.gen` files and directories.
    static func positionalOptions(_ completion: ValueCompletion, scripts: String) -> String? {
        switch completion {
        case .nothing: nil
        case .choices(let words): "-a " + ShellQuote.fish(words.joined(separator: " "))
        case .scripts: "-a '(\(scripts))'"
        case .directories: "-a '(__fish_complete_directories)'"
        case .files: "-F"
        }
    }
}
