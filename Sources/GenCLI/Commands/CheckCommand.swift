import GenCore

/// `gen check FILE...`: check scripts and report every problem.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check", summary: "Check scripts for errors without running them",
        details: """
            Every diagnostic is printed with its source line, then a summary ("2 errors in 1 file").
            A directory stands for the .gen files under it.
            Exit codes: 0 no errors, 65 errors found, 66 a file could not be read (the others are still checked).
            """,
        positionals: [PositionalSpec("FILE", arity: .oneOrMore, help: "scripts or directories to check")])

    static func command(checker: @escaping ScriptChecker) -> Command {
        Command(spec: spec) { arguments, console in
            run(checkFiles(arguments.positionals, using: checker), console: console)
        }
    }

    /// Prints a report: unreadable paths, rendered diagnostics, then the summary line.
    static func run(_ report: CheckReport, console: Console) -> Int32 {
        for problem in report.problems { console.writeError(problem.message) }
        let rendered = report.scripts.filter { !$0.diagnostics.isEmpty }.map { script in
            DiagnosticRenderer.render(script.diagnostics, files: script.files, colour: console.stderrIsTerminal)
        }
        if !rendered.isEmpty { console.writeError(rendered.joined(separator: "\n")) }
        let flagged = report.diagnostics.filter { $0.severity >= .warning }
        let flaggedFiles = report.scripts.reduce(into: Set<String>()) { $0.formUnion($1.flaggedPaths) }.count
        var summary = flagged.isEmpty
            ? (report.scripts.isEmpty ? "no file checked" : "checked \(DiagnosticSummary.plural(report.scripts.count, "file")): no errors")
            : DiagnosticSummary.line(flagged, files: flaggedFiles)
        if !report.problems.isEmpty {
            summary += "; \(DiagnosticSummary.plural(report.problems.count, "path")) could not be read"
        }
        if flagged.isEmpty && report.problems.isEmpty {
            console.write(summary + "\n")
        } else {
            console.writeError((flagged.isEmpty ? "" : "\n") + summary + "\n")
        }
        return report.exitCode
    }
}
