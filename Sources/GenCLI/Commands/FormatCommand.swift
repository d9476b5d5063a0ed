import Foundation
import GenCore
import GenFormat

/// `gen fmt [--check] FILE...` and `gen fmt -` (standard input to standard output, for editors).
enum FormatCommand {
    static let spec = CommandSpec(
        name: "fmt", summary: "Format scripts in place (canonical layout, comments kept)",
        details: """
            Files are rewritten atomically, only when their layout changes. `gen fmt -` reads a script on standard
            input and writes the formatted script on standard output. A file with syntax errors is never rewritten:
            its diagnostics are printed instead.
            Exit codes: 0 done, 1 `--check` found files to reformat, 65 syntax errors, 66 a file could not be read.
            """,
        positionals: [PositionalSpec("FILE", arity: .oneOrMore, help: "scripts or directories to format, or - for standard input")],
        flags: [checkFlag])

    static let checkFlag = FlagSpec("check", help: "rewrite nothing; list the files that would change and exit 1 if any")

    static let command = Command(spec: spec) { arguments, console in
        let checkOnly = arguments.has(checkFlag)
        if arguments.positionals == ["-"] { return formatStandardInput(checkOnly: checkOnly, console: console) }
        if arguments.positionals.contains("-") {
            throw UsageError(message: "`-` (standard input) cannot be mixed with file names")
        }
        return formatFiles(arguments.positionals, checkOnly: checkOnly, console: console)
    }

    /// What happened to one file, in order of severity.
    enum Outcome: Int, Comparable {
        case unchanged, changed, failed, unreadable

        static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    static func formatFiles(_ paths: [String], checkOnly: Bool, console: Console) -> Int32 {
        let (files, problems) = ScriptFiles.expand(paths)
        var worst: Outcome = problems.isEmpty ? .unchanged : .unreadable
        for problem in problems { console.writeError(problem.message) }
        var changed: [String] = []
        for (position, path) in files.enumerated() {
            let outcome = formatFile(path, id: FileID(UInt32(clamping: position)), checkOnly: checkOnly, console: console)
            if outcome == .changed { changed.append(path) }
            worst = max(worst, outcome)
        }
        if checkOnly, !changed.isEmpty {
            console.writeError("\(DiagnosticSummary.plural(changed.count, "file")) would be reformatted; run `gen fmt` on \(changed.count == 1 ? "it" : "them")\n")
        }
        switch worst {
        case .unreadable: return ExitCode.noInput
        case .failed: return ExitCode.scriptError
        case .changed: return checkOnly ? ExitCode.gateFailed : ExitCode.ok
        case .unchanged: return ExitCode.ok
        }
    }

    static func formatFile(_ path: String, id: FileID, checkOnly: Bool, console: Console) -> Outcome {
        let source: SourceFile
        switch ScriptFiles.read(path, id: id) {
        case .success(let file): source = file
        case .failure(let problem):
            console.writeError(problem.message)
            return problem.exitCode == ExitCode.noInput ? .unreadable : .failed
        }
        guard let text = formatted(source, console: console) else { return .failed }
        if text == source.text { return .unchanged }
        if checkOnly {
            console.write(path + "\n")
            return .changed
        }
        do {
            try ScriptFiles.replaceContents(of: path, with: text)
        } catch {
            console.writeError("error: cannot write `\(path)`: \(error.localizedDescription)\n")
            return .unreadable
        }
        console.write("formatted \(path)\n")
        return .changed
    }

    static func formatStandardInput(checkOnly: Bool, console: Console) -> Int32 {
        let source: SourceFile
        switch ScriptFiles.decode(console.readInput(), path: "<stdin>", id: FileID(0)) {
        case .success(let file): source = file
        case .failure(let problem):
            console.writeError(problem.message)
            return problem.exitCode
        }
        guard let text = formatted(source, console: console) else { return ExitCode.scriptError }
        if checkOnly {
            if text == source.text { return ExitCode.ok }
            console.write("<stdin>\n")
            return ExitCode.gateFailed
        }
        console.write(text)
        return ExitCode.ok
    }

    /// The formatted text, or nil after printing why the file cannot be formatted.
    static func formatted(_ source: SourceFile, console: Console) -> String? {
        switch Formatter.format(source) {
        case .formatted(let text):
            return text
        case .failed(let diagnostics):
            console.writeError(DiagnosticRenderer.render(diagnostics, files: [source], colour: console.stderrIsTerminal))
            console.writeError("not formatted: \(source.path) has \(DiagnosticSummary.counts(diagnostics))\n")
            return nil
        }
    }
}
