import GenCore

/// Shared by the commands that take one script (`ast`, `tokens`): read it, print what `body` makes of it on
/// standard output, then its diagnostics on standard error (exit 65 when one is an error).
enum SingleFile {
    static func command(_ spec: CommandSpec, body: @escaping @Sendable (SourceFile) -> (output: String, diagnostics: [Diagnostic])) -> Command {
        Command(spec: spec) { arguments, console in
            let source: SourceFile
            switch ScriptFiles.read(arguments.positionals.first ?? "", id: FileID(0)) {
            case .success(let file):
                source = file
            case .failure(let problem):
                console.writeError(problem.message)
                return problem.exitCode
            }
            let (output, diagnostics) = body(source)
            console.write(output)
            guard !diagnostics.isEmpty else { return ExitCode.ok }
            console.writeError(DiagnosticRenderer.render(diagnostics, files: [source], colour: console.stderrIsTerminal))
            console.writeError("\n" + DiagnosticSummary.line(diagnostics, files: 1) + "\n")
            return diagnostics.hasErrors ? ExitCode.scriptError : ExitCode.ok
        }
    }
}
