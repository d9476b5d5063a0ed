import Foundation
import GenEngine
import GenREPL

/// `gen repl [FILE]`: try expressions, declarations, rules and rewards interactively.
enum ReplCommand {
    static let spec = CommandSpec(
        name: "repl", summary: "Interactive session: evaluate expressions and declarations",
        details: """
            Declarations accumulate; expressions print their value and type. Unclosed braces or strings ask for
            another line. Commands: :load FILE, :type EXPR, :graph, :env, :reset, :help, :quit.
            Line editing and history (~/.gen_history) on a terminal; plain line reading otherwise.
            """,
        positionals: [PositionalSpec("FILE", arity: .optional, help: "a script to load first")])

    static let command = Command(spec: spec) { arguments, _ in
        ReplDriver.runStandardIO(engine: Engine(), file: arguments.positionals.first)
    }
}
