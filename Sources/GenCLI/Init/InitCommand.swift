import Foundation
import GenCore
import GenFormat

/// `gen init [DIR] [--task TEXT] [--labels a,b,c] [--force]`: a starter project that passes `gen check` at once.
enum InitCommand {
    enum Flag {
        static let task = FlagSpec("task", value: "TEXT", help: "what the data is for, in a sentence (the spec's domain)")
        static let labels = FlagSpec("labels", value: "A,B,...", help: "the labels, separated by commas (default positive,negative)")
        static let force = FlagSpec("force", help: "write into DIR even when it is not empty (files with the same names are replaced)")
    }

    static let spec = CommandSpec(
        name: "init", summary: "Start a project: a script for your task, seed examples, a .gitignore and a README",
        details: """
            Writes DIR/NAME.gen (NAME from DIR's name), DIR/seeds.jsonl, DIR/.gitignore and DIR/README.md. The script
            passes `gen check` as written; replace the placeholder seeds with real examples before a run.
            """,
        positionals: [PositionalSpec("DIR", arity: .optional, help: "the project directory (default: the current one)")],
        flags: [Flag.task, Flag.labels, Flag.force])

    static let command = Command(spec: spec) { arguments, console in
        let directory = URL(fileURLWithPath: arguments.positionals.first ?? ".").standardizedFileURL
        let labels = try arguments.value(Flag.labels).map(StarterLabels.parse) ?? StarterLabels.defaults
        let task = arguments.value(Flag.task)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? StarterProject.defaultTask
        guard !task.isEmpty else {
            throw UsageError(message: "--task is empty", hint: "say what the data is for, like --task \"Messages customers send a bank\"")
        }
        try checkWritable(directory, force: arguments.has(Flag.force), shown: arguments.positionals.first ?? ".")
        let project = StarterProject(
            name: StarterProject.scriptName(forDirectory: directory.lastPathComponent), task: task, labels: labels)
        try write(project, into: directory)
        let shown = arguments.positionals.first.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        for file in project.files { console.write("created \(shown)\(file.path)\n") }
        console.write("next: gen check \(shown)\(project.name).gen\n")
        return ExitCode.ok
    }

    /// Refuses a directory that has files in it, unless forced, and a path that is a file.
    static func checkWritable(_ directory: URL, force: Bool, shown: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw UsageError(message: "`\(shown)` is a file, not a directory", hint: "name a new directory, like `gen init my-data`")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        if !entries.isEmpty && !force {
            throw UsageError(
                message: "`\(shown)` is not empty (\(entries.count) \(entries.count == 1 ? "entry" : "entries")); nothing was written",
                hint: "name a new directory, like `gen init my-data`, or pass --force to write into it")
        }
    }

    /// Writes every file; the script goes through the formatter, so it is in `gen fmt`'s layout whatever the template.
    static func write(_ project: StarterProject, into directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in project.files {
                var text = file.text
                if file.path.hasSuffix(".gen"), case .formatted(let formatted) = Formatter.format(SourceFile(path: file.path, text: text)) {
                    text = formatted
                }
                try text.write(to: directory.appendingPathComponent(file.path), atomically: true, encoding: .utf8)
            }
        } catch {
            throw CommandFailure("cannot write the project into `\(directory.path)`: \(error.localizedDescription)\n"
                                 + "  = hint: check the directory's permissions, or name another one",
                                 exitCode: ExitCode.runtimeFailure)
        }
    }
}
