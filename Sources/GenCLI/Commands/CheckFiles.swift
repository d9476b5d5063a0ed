import GenCore
import GenSyntax

/// The result of checking one script: its diagnostics and the files they point into (the script itself and,
/// once semantic checking is plugged in, the modules it imports).
public struct CheckedScript: Sendable {
    public var diagnostics: [Diagnostic]
    public var files: [SourceFile]

    public init(diagnostics: [Diagnostic], files: [SourceFile]) {
        self.diagnostics = Diagnostic.sortedByPosition(diagnostics)
        self.files = files
    }

    /// The display paths of the files holding a warning or an error.
    var flaggedPaths: Set<String> {
        let ids = Set(diagnostics.filter { $0.severity >= .warning }.map(\.span.file))
        return Set(files.filter { ids.contains($0.id) }.map(\.path))
    }
}

/// What `gen check` runs on each script. `syntaxChecker` lexes and parses; GenEngine's semantic checker
/// (names, imports, block schemas, types) plugs in here, so the command and its output stay the same.
public typealias ScriptChecker = @Sendable (SourceFile) -> CheckedScript

/// Lexer and parser diagnostics only.
public let syntaxChecker: ScriptChecker = { source in
    CheckedScript(diagnostics: Parser.parse(source).diagnostics, files: [source])
}

/// The outcome of checking a list of paths.
public struct CheckReport: Sendable {
    /// One entry per script read, in command-line order.
    public var scripts: [CheckedScript] = []
    /// Paths that could not be read.
    public var problems: [FileProblem] = []

    /// Every diagnostic of every script.
    public var diagnostics: [Diagnostic] { scripts.flatMap(\.diagnostics) }

    /// 66 when a file could not be read, else 65 when anything has an error, else 0.
    public var exitCode: Int32 {
        if problems.contains(where: { $0.exitCode == ExitCode.noInput }) { return ExitCode.noInput }
        if !problems.isEmpty || diagnostics.hasErrors { return ExitCode.scriptError }
        return ExitCode.ok
    }
}

/// Reads and checks every path (directories contribute their `.gen` files).
public func checkFiles(_ paths: [String], using checker: ScriptChecker = syntaxChecker) -> CheckReport {
    let (files, problems) = ScriptFiles.expand(paths)
    var report = CheckReport(problems: problems)
    for (position, path) in files.enumerated() {
        switch ScriptFiles.read(path, id: FileID(UInt32(clamping: position))) {
        case .success(let source): report.scripts.append(checker(source))
        case .failure(let problem): report.problems.append(problem)
        }
    }
    return report
}
