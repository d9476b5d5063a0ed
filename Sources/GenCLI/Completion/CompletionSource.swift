/// What a completion script completes: one program's commands as declared (the same `CommandSpec`s the argument
/// parser reads), and the words `help` takes. Every shell's script is written from this value alone.
public struct CompletionSource: Sendable {
    public var program: String
    public var commands: [CommandSpec]
    /// `gen help TOPIC` pages that are not commands (`capabilities`).
    public var helpTopics: [String]

    public init(program: String = "gen", commands: [CommandSpec], helpTopics: [String]) {
        self.program = program
        self.commands = commands
        self.helpTopics = helpTopics
    }

    /// The flags every program takes before a command.
    static let programFlags: [(name: String, help: String)] = [("help", "show help"), ("version", "print the version")]

    /// What `help` completes: every command, then every topic.
    var helpWords: [String] { commands.map(\.name) + helpTopics }

    /// The shell function's name, `_gen`: the program's name with characters shells reject in names replaced.
    var functionName: String {
        "_" + String(program.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}

extension CommandSpec {
    /// What a positional argument of this command completes to: the first positional that offers something.
    var positionalCompletion: ValueCompletion {
        positionals.lazy.map(\.completion).first { $0 != .nothing } ?? .nothing
    }
}

/// Quoting for the generated scripts.
enum ShellQuote {
    /// A word in single quotes for bash and zsh: a `'` inside closes the quote, adds `\'` and reopens.
    static func posix(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Fish single quotes: only `\` and `'` are escaped, with a backslash.
    static func fish(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: #"\"#, with: #"\\"#).replacingOccurrences(of: "'", with: #"\'"#) + "'"
    }
}
