/// The declared shape of one `gen` command: its name, what it does, its positional arguments and flags.
/// Help text, usage lines and argument errors are all derived from this one description.
public struct CommandSpec: Sendable {
    /// The program the command belongs to: `gen`, or `gen-bench` for the benchmarks.
    public var program: String
    /// The command's name after the program (`run`); empty for a program that is one command.
    public var name: String
    public var summary: String
    /// Extra paragraphs for `gen help COMMAND`.
    public var details: String
    public var positionals: [PositionalSpec]
    public var flags: [FlagSpec]

    public init(
        name: String, summary: String, details: String = "", positionals: [PositionalSpec] = [], flags: [FlagSpec] = [],
        program: String = "gen"
    ) {
        self.program = program
        self.name = name
        self.summary = summary
        self.details = details
        self.positionals = positionals
        self.flags = flags
    }

    /// `gen run`, as messages name it.
    public var invocation: String { name.isEmpty ? program : program + " " + name }

    /// `gen run FILE [--out DIR] [--seed N]`
    public var usage: String {
        var parts = [invocation]
        for positional in positionals {
            switch positional.arity {
            case .one: parts.append(positional.name)
            case .optional: parts.append("[\(positional.name)]")
            case .oneOrMore: parts.append("\(positional.name)...")
            }
        }
        for flag in flags {
            parts.append(flag.valueName.map { "[--\(flag.name) \($0)]" } ?? "[--\(flag.name)]")
        }
        return parts.joined(separator: " ")
    }
}

public struct PositionalSpec: Sendable {
    public enum Arity: Sendable { case one, optional, oneOrMore }
    public var name: String
    public var arity: Arity
    public var help: String
    /// What shell completion offers for it; by default read from the placeholder (see `ValueCompletion.implied`).
    public var completion: ValueCompletion

    public init(_ name: String, arity: Arity = .one, completion: ValueCompletion? = nil, help: String) {
        self.name = name
        self.arity = arity
        self.help = help
        self.completion = completion ?? .implied(byPlaceholder: name)
    }
}

public struct FlagSpec: Sendable {
    public var name: String
    /// Nil for a switch (`--check`); the placeholder (`N`, `DIR`) for a flag that takes a value.
    public var valueName: String?
    /// For flags with a fixed set of values (`--format text|dot|json`).
    public var choices: [String]
    public var help: String
    /// What shell completion offers for the value: the choices, else what the placeholder implies.
    public var completion: ValueCompletion

    public init(_ name: String, value: String? = nil, choices: [String] = [], completion: ValueCompletion? = nil, help: String) {
        self.name = name
        self.valueName = value
        self.choices = choices
        self.help = help
        self.completion = completion
            ?? (choices.isEmpty ? value.map { .implied(byPlaceholder: $0) } ?? .nothing : .choices(choices))
    }
}
