import GenCore
import GenSyntax

/// `gen tokens FILE`: one token per line with its position, kind, text and the comments around it.
enum TokensCommand {
    static let spec = CommandSpec(
        name: "tokens", summary: "Print the tokens of a script, one per line (a lexer debugging aid)",
        details: """
            Each line reads `LINE:COL KIND TEXT`, then the comments in the token's trivia, if any.
            Lexical errors go to standard error and the exit code is 65.
            """,
        positionals: [PositionalSpec("FILE", help: "the script")])

    static let command = SingleFile.command(spec) { source in
        let (tokens, diagnostics) = Lexer.tokenize(source)
        return (TokenDump.render(tokens, source: source), diagnostics)
    }
}
