import Testing
@testable import GenCLI

/// `gen ast`, `gen tokens`, help, version and command-line errors.
@Suite struct InspectCommandTests {
    @Test func astPrintsTheSExpressionDump() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("x.gen", "gen 0.1\nlet x = 1 + 2\n")
        let run = await gen(["ast", path])
        #expect(run.code == 0)
        #expect(run.out == "(program\n  (version 0.1)\n  (let x (+ (int 1) (int 2))))\n")
    }

    @Test func astOfABrokenFileStillPrintsAndExits65() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("x.gen", "gen 0.1\nlet x = \n")
        let run = await gen(["ast", path])
        #expect(run.code == 65)
        #expect(run.out.hasPrefix("(program\n  (version 0.1)"))
        #expect(run.err.hasSuffix("1 error in 1 file\n"))
    }

    @Test func tokensListsPositionKindTextAndComments() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("x.gen", "gen 0.1 // v\nlet s = \"a\\tb\"\n")
        let run = await gen(["tokens", path])
        #expect(run.code == 0)
        #expect(run.out == """
            1:1 keyword gen
            1:5 float 0.1    trivia: // v
            2:1 keyword let
            2:5 identifier s
            2:7 punctuation =
            2:9 string "a\\tb"
            3:1 end

            """)
    }

    @Test func tokensOfAFileWithLexicalErrorsExit65() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("x.gen", "gen 0.1\nlet s = \"open\n")
        let run = await gen(["tokens", path])
        #expect(run.code == 65)
        #expect(run.out.contains("2:9 string \"open"))
        #expect(run.err.hasSuffix("1 error in 1 file\n"))
    }

    @Test func versionAndHelp() async {
        #expect(await gen(["--version"]).out == "gen 0.1.0\n")
        let overview = await gen(["--help"])
        #expect(overview.code == 0)
        for command in ["check", "fmt", "ast", "tokens", "graph"] {
            #expect(overview.out.contains("\n  \(command) "), "overview lists \(command)")
        }
        let help = await gen(["help", "ast"])
        #expect(help.code == 0)
        #expect(help.out == """
            usage: gen ast FILE

            Print the syntax tree of a script as S-expressions

            The dump is printed even when the script has syntax errors (unparsable parts show as `(error)`);
            the diagnostics go to standard error and the exit code is 65.

            arguments and flags:
              FILE  the script

            """)
        #expect(await gen(["fmt", "--help"]).out.hasPrefix("usage: gen fmt FILE... [--check]\n"))
    }

    @Test func unknownFlagAndCommandAreUsageErrors() async {
        let flag = await gen(["check", "--strict", "a.gen"])
        #expect(flag.code == 64)
        #expect(flag.err == "error: unknown flag `--strict` for `gen check`\n  = hint: `gen check` takes no flags\nusage: gen check FILE...\n")
        let command = await gen(["chek", "a.gen"])
        #expect(command.code == 64)
        #expect(command.err.hasPrefix("error: unknown command `chek`\n  = hint: did you mean `check`?\n"))
        let missing = await gen(["ast"])
        #expect(missing.code == 64)
        #expect(missing.err == "error: `gen ast` needs FILE: the script\nusage: gen ast FILE\n")
    }
}
