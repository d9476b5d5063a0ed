/// The REPL's `:commands`.
public enum ReplCommand: String, CaseIterable, Sendable {
    case type, assess, graph, env, load, reset, help, quit

    /// The command as typed, with its argument placeholder.
    public var usage: String {
        switch self {
        case .type: ":type EXPR"
        case .load: ":load FILE"
        case .assess: ":assess JSON"
        default: ":" + rawValue
        }
    }

    /// What the command does, for `:help`.
    public var summary: String {
        switch self {
        case .type: "show the type of an expression without printing its value"
        case .assess: "run a sample (a JSON object) through the quality block's in-process stages"
        case .graph: "show the pipeline declared so far, or what it still lacks"
        case .env: "list the declarations in the session"
        case .load: "load a script's declarations into the session"
        case .reset: "forget every declaration"
        case .help: "show this help"
        case .quit: "leave the REPL (Ctrl-D does too)"
        }
    }

    /// Whether the command reads the rest of the line.
    var takesArgument: Bool { self == .type || self == .load || self == .assess }

    /// The text `:help` prints.
    static var helpText: String {
        let width = allCases.map(\.usage.count).max() ?? 0
        let commands = allCases.map { "  " + $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        return (["Type a declaration (let, fn, model, schema, spec, arm, router, quality, reward, evaluate, import) to add it,",
                 "or an expression to evaluate it. An unclosed brace, bracket, parenthesis or string continues on the next line;",
                 "declaring a name again replaces it.", "", "Commands:"] + commands).joined(separator: "\n")
    }
}
