import Foundation
import GenCore
import Testing
@testable import GenCLI

@Suite struct CheckCommandTests {
    /// `gen check dir/main.gen` rejected a relative import that `gen run` accepts (the key was joined twice).
    @Test func aRelativeImportChecksFromAnyWorkingDirectory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let main = try directory.file("main.gen", "gen 0.1\nimport \"./lib.gen\" as lib\nlet y = lib.x + 1\n")
        _ = try directory.file("lib.gen", "gen 0.1\nlet x = 1\n")
        let run = await gen(["check", main])
        #expect(run.code == 0, "\(run.err)")
        #expect(main.hasPrefix("/"), "an absolute path, not the working directory's")
    }

    /// A CR-only file (classic Mac line endings) was read as one line: "missing version line" at 1:1161.
    @Test func aFileWithCROnlyLineEndingsChecks() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("cr.gen", "gen 0.1\rlet x = 1\rlet y = x +\r")
        let run = await gen(["check", path])
        #expect(run.code == 65)
        #expect(run.err.hasPrefix("\(path):3:"), "the error is on line 3: \(run.err)")
    }

    /// A file that is not UTF-8 got no line and column, and the summary said "checked 0 files: no errors".
    @Test func aFileThatIsNotUTF8SaysWhere() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("latin1.gen").path
        try Data([0x67, 0x65, 0x6E, 0x20, 0x30, 0x2E, 0x31, 0x0A, 0x6C, 0x65, 0x74, 0x20, 0x78, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A])
            .write(to: URL(fileURLWithPath: path))
        let run = await gen(["check", path])
        #expect(run.code == 65)
        #expect(run.err.contains("not valid UTF-8 at line 2, column 10 (byte 0xE9)"), "\(run.err)")
        #expect(run.err.contains("no file checked; 1 path could not be read"))
        #expect(!run.err.contains("no errors"))
    }

    @Test func validFileChecksClean() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("ok.gen", "gen 0.1\nlet x = 1\n")
        let run = await gen(["check", path])
        #expect(run.code == 0)
        #expect(run.out == "checked 1 file: no errors\n")
        #expect(run.err == "")
    }

    @Test func fileWithErrorsPrintsRenderedDiagnosticsAndSummary() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("bad.gen", "gen 0.1\nlet x = (1\nlet y = 2 3\n")
        let run = await gen(["check", path])
        #expect(run.code == 65)
        #expect(run.out == "")
        #expect(run.err == """
            \(path):2:11: error: expected `)` to close the parenthesis
               |
             2 | let x = (1
               |           ^ expected `)`
               |         - unclosed `(` opened here

            \(path):3:11: error: unexpected number after the declaration
               |
             3 | let y = 2 3
               |           ^
               = hint: put one declaration or entry per line

            2 errors in 1 file

            """)
    }

    @Test func semanticErrorsComeFromTheEngineByDefault() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("names.gen", "gen 0.1\nlet x = undefined_name + 1\n")
        let run = await gen(["check", path])
        #expect(run.code == 65)
        #expect(run.err.hasPrefix("\(path):2:9: error: unknown name `undefined_name`\n"))
        #expect(await gen(["check", path], checker: syntaxChecker).code == 0)
    }

    @Test func libraryModulesNeedNoPipelineDeclarations() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let module = try directory.file("lib.gen", "gen 0.1\nfn twice(x: int) -> int = x * 2\n")
        let script = try directory.file("script.gen", "gen 0.1\nlet y = 1\nrouter random()\n")
        #expect(await gen(["check", module]).code == 0)
        let run = await gen(["check", script])
        #expect(run.code == 65)
        #expect(run.err.contains("error: the script has no `spec` declaration"))
    }

    @Test func colourOnlyOnATerminal() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("bad.gen", "gen 0.1\nlet x = (1\n")
        let plain = CapturingConsole(terminal: false)
        let coloured = CapturingConsole(terminal: true)
        #expect(await GenTool.make().run(["check", path], console: plain) == 65)
        #expect(await GenTool.make().run(["check", path], console: coloured) == 65)
        #expect(!plain.stderrText.contains("\u{1B}["))
        #expect(coloured.stderrText.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    @Test func missingFileIsReportedWithExit66AndOthersAreStillChecked() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try directory.file("ok.gen", "gen 0.1\n")
        let missing = directory.url.appendingPathComponent("nope.gen").path
        let run = await gen(["check", missing, good])
        #expect(run.code == 66)
        #expect(run.err == "error: cannot read `\(missing)`: no such file\nchecked 1 file: no errors; 1 path could not be read\n")
    }

    @Test func directoriesStandForTheirScripts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.file("a.gen", "gen 0.1\n")
        _ = try directory.file("b.gen", "gen 0.1\nlet y = 2\n")
        _ = try directory.file("notes.txt", "not a script")
        let run = await gen(["check", directory.url.path])
        #expect(run.code == 0)
        #expect(run.out == "checked 2 files: no errors\n")
    }

    @Test func theCheckerIsPluggableForSemanticChecks() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("ok.gen", "gen 0.1\n")
        let warning = DiagnosticMessage("arm `x` is never used", severity: .warning)
        let run = await gen(["check", path], checker: { source in
            CheckedScript(diagnostics: [Diagnostic(warning, at: source.span.startPoint)], files: [source])
        })
        #expect(run.code == 0)
        #expect(run.err.hasPrefix("\(path):1:1: warning: arm `x` is never used\n"))
        #expect(run.err.hasSuffix("\n1 warning in 1 file\n"))
    }

    @Test func diagnosticsInImportedFilesRenderAgainstThoseFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("main.gen", "gen 0.1\nimport \"./rules.gen\"\n")
        let imported = SourceFile(id: FileID(99), path: "rules.gen", text: "gen 0.1\nfn f() = g()\n")
        let unknown = DiagnosticMessage("unknown function `g`")
        let run = await gen(["check", path], checker: { source in
            CheckedScript(diagnostics: [Diagnostic(unknown, at: Span(file: FileID(99), start: 17, length: 1))], files: [source, imported])
        })
        #expect(run.code == 65)
        #expect(run.err == "rules.gen:2:10: error: unknown function `g`\n   |\n 2 | fn f() = g()\n   |          ^\n\n1 error in 1 file\n")
    }

    @Test func checkFilesReportsDiagnosticsSortedWithDistinctFileIDs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.file("1.gen", "gen 0.1\nlet = 1\n")
        let second = try directory.file("2.gen", "let x = 1\n")
        let report = checkFiles([second, first])
        #expect(report.scripts.map(\.files[0].path) == [second, first])
        #expect(Set(report.scripts.map(\.files[0].id)).count == 2)
        #expect(report.diagnostics.map(\.id) == ["missingVersionLine", "expectedName"])
        #expect(report.exitCode == 65)
    }
}
