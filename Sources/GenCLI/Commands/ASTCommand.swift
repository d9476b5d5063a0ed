import GenCore
import GenSyntax

/// `gen ast FILE`: the stable S-expression dump of the parsed script (for golden tests and debugging).
enum ASTCommand {
    static let spec = CommandSpec(
        name: "ast", summary: "Print the syntax tree of a script as S-expressions",
        details: """
            The dump is printed even when the script has syntax errors (unparsable parts show as `(error)`);
            the diagnostics go to standard error and the exit code is 65.
            """,
        positionals: [PositionalSpec("FILE", help: "the script")])

    static let command = SingleFile.command(spec) { source in
        let (program, diagnostics) = Parser.parse(source)
        return (ASTDump.render(program), diagnostics)
    }
}
