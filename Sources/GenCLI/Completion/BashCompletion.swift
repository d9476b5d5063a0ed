/// `gen completion bash`: a `complete -F` function with one `case` arm per declared command.
enum BashCompletion {
    static func script(_ source: CompletionSource) -> String {
        let function = source.functionName
        let topWords = source.commands.map(\.name) + CompletionSource.programFlags.map { "--" + $0.name }
        var text = """
        # bash completion for \(source.program), written by `\(source.program) completion bash` from the declarations of its
        # commands and flags. Install: source <(\(source.program) completion bash)   (e.g. in ~/.bashrc)

        # Sets COMPREPLY for the word being completed ($cur, from the caller) to what KIND offers.
        \(function)_offer() {
          local IFS=$'\\n'
          case "$1" in
            words) IFS=$' \\t\\n'; COMPREPLY=($(compgen -W "$2" -- "$cur")) ;;
            scripts) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.gen' -- "$cur")) ;;
            directories) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
            files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
            *) COMPREPLY=() ;;
          esac
        }

        \(function)() {
          local cur="${COMP_WORDS[COMP_CWORD]}" prev=""
          (( COMP_CWORD > 1 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
          # Bash splits `--flag=value` at the `=`: the flag is then one or two words back.
          if [[ "$cur" == "=" ]]; then
            cur=""
          elif [[ "$prev" == "=" ]]; then
            prev="${COMP_WORDS[COMP_CWORD-2]}"
          fi
          if (( COMP_CWORD == 1 )); then
            \(function)_offer words \(ShellQuote.posix(topWords.joined(separator: " ")))
            return
          fi
          case "${COMP_WORDS[1]}" in

        """
        for command in source.commands {
            text += commandArm(command, function: function)
        }
        text += """
            help) \(function)_offer words \(ShellQuote.posix(source.helpWords.joined(separator: " "))) ;;
            *) COMPREPLY=() ;;
          esac
        }

        complete -F \(function) \(source.program)

        """
        return text
    }

    /// One command's arm: a flag's value after a flag that takes one, flags after `-`, else its positional.
    static func commandArm(_ command: CommandSpec, function: String) -> String {
        var text = "    \(command.name))\n"
        let valued = command.flags.filter { $0.valueName != nil }
        if !valued.isEmpty {
            text += "      case \"$prev\" in\n"
            for flag in valued {
                text += "        --\(flag.name)) \(function)_offer \(offer(flag.completion)); return ;;\n"
            }
            text += "      esac\n"
        }
        let flagWords = (command.flags.map(\.name) + ["help"]).map { "--" + $0 }.joined(separator: " ")
        let positional = command.positionals.isEmpty ? "words \(ShellQuote.posix(flagWords))" : offer(command.positionalCompletion)
        text += """
              if [[ "$cur" == -* ]]; then
                \(function)_offer words \(ShellQuote.posix(flagWords))
              else
                \(function)_offer \(positional)
              fi
              ;;

        """
        return text
    }

    /// The arguments of `_gen_offer` for one kind of value.
    static func offer(_ completion: ValueCompletion) -> String {
        switch completion {
        case .nothing: "nothing"
        case .choices(let words): "words " + ShellQuote.posix(words.joined(separator: " "))
        case .scripts: "scripts"
        case .directories: "directories"
        case .files: "files"
        }
    }
}
