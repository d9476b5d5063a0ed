import GenCore

/// The text of `gen --help` and `gen help COMMAND`, generated from the command specs.
enum HelpText {
    static func overview(version: String, commands: [CommandSpec], topics: [String] = []) -> String {
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        var text = """
        gen \(version): adaptive synthetic-data generation from .gen scripts

        usage: gen COMMAND [ARGUMENTS] [FLAGS]

        commands:

        """
        for command in commands {
            text += "  " + command.name.padding(to: width) + command.summary + "\n"
        }
        text += """

        Run `gen help COMMAND` for a command's arguments and flags\(topics.isEmpty ? "" : ", `gen help " + topics.joined(separator: "|") + "` for " + topics.joined(separator: ", ")).
        Exit codes: \(ExitCode.meanings.map { "\($0.code) \($0.meaning)" }.joined(separator: ", ")).

        """
        return text
    }

    static func command(_ spec: CommandSpec) -> String {
        var text = "usage: \(spec.usage)\n\n\(spec.summary)\n"
        if !spec.details.isEmpty { text += "\n\(spec.details)\n" }
        let rows = spec.positionals.map { ($0.name, $0.help) }
            + spec.flags.map { flag in
                let name = "--" + flag.name + (flag.valueName.map { " " + $0 } ?? "")
                let choices = flag.choices.isEmpty ? "" : " (" + flag.choices.joined(separator: "|") + ")"
                return (name, flag.help + choices)
            }
        if !rows.isEmpty {
            let width = (rows.map(\.0.count).max() ?? 0) + 2
            text += "\narguments and flags:\n"
            for (name, help) in rows {
                text += "  " + name.padding(to: width) + help + "\n"
            }
        }
        return text
    }
}

extension String {
    /// The text followed by spaces up to `width` columns (at least one space), for aligned tables.
    public func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
