/// `gen completion zsh`: a `#compdef` function that hands each declared command's flags to `_arguments`.
enum ZshCompletion {
    static func script(_ source: CompletionSource) -> String {
        let function = source.functionName
        let commandEntries = source.commands.map { describeEntry($0.name, $0.summary) }
            + CompletionSource.programFlags.map { describeEntry("--" + $0.name, $0.help) }
        var text = """
        #compdef \(source.program)
        # zsh completion for \(source.program), written by `\(source.program) completion zsh` from the declarations of its
        # commands and flags. Install: \(source.program) completion zsh > "${fpath[1]}/\(function)", or source it after compinit.

        \(function)() {
          local -a commands
          commands=(
        \(commandEntries.map { "    " + $0 }.joined(separator: "\n"))
          )
          if (( CURRENT == 2 )); then
            _describe -t commands '\(source.program) command' commands
            return
          fi
          local command="${words[2]}"
          # From here on the command is the first word, as `_arguments` expects.
          shift words
          (( CURRENT-- ))
          case "$command" in

        """
        for command in source.commands {
            let specs = command.flags.map(flagSpec) + [ShellQuote.posix("(- *)--help[show help]")] + positionalSpecs(command)
            text += "    \(command.name))\n      _arguments -s \\\n"
            text += specs.map { "        " + $0 }.joined(separator: " \\\n") + "\n      ;;\n"
        }
        text += """
            help) _values 'command or topic' \(source.helpWords.map(ShellQuote.posix).joined(separator: " ")) ;;
          esac
        }

        # Loaded from fpath by compinit the function runs at once; sourced, it registers itself.
        if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then
          \(function) "$@"
        else
          compdef \(function) \(source.program)
        fi

        """
        return text
    }

    /// `'name:description'` for `_describe`.
    static func describeEntry(_ name: String, _ description: String) -> String {
        ShellQuote.posix(name.replacingOccurrences(of: ":", with: #"\:"#) + ":" + description)
    }

    /// `'--out=[help]:DIR:_files -/'`; `=` lets the value follow as `--out=DIR` or as the next word.
    static func flagSpec(_ flag: FlagSpec) -> String {
        let head = "--" + flag.name
        guard let valueName = flag.valueName else {
            return ShellQuote.posix(head + "[" + escaped(flag.help, "[]\\") + "]")
        }
        return ShellQuote.posix(head + "=[" + escaped(flag.help, "[]\\") + "]:" + escaped(valueName, ":\\") + ":" + action(flag.completion))
    }

    /// `'1:FILE:action'`, `'1::FILE:action'` when optional, `'*:FILE:action'` when repeated.
    static func positionalSpecs(_ command: CommandSpec) -> [String] {
        command.positionals.enumerated().map { index, positional in
            let position = switch positional.arity {
            case .one: "\(index + 1):"
            case .optional: "\(index + 1)::"
            case .oneOrMore: "*:"
            }
            return ShellQuote.posix(position + escaped(positional.name, ":\\") + ":" + action(positional.completion))
        }
    }

    static func action(_ completion: ValueCompletion) -> String {
        switch completion {
        case .nothing: " "
        case .choices(let words): "(" + words.joined(separator: " ") + ")"
        case .scripts: #"_files -g "*.gen""#
        case .directories: "_files -/"
        case .files: "_files"
        }
    }

    /// `_arguments` reads brackets in a flag's explanation, and colons in a message, as structure.
    static func escaped(_ text: String, _ special: String) -> String {
        var out = ""
        for character in text {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
