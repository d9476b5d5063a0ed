import Testing
@testable import GenCLI

@Suite struct CommandLineToolTests {
    let tool = CommandLineTool(version: "0.1.0", commands: [
        Command(spec: CommandSpec(name: "check", summary: "Check scripts", positionals: [PositionalSpec("FILE", arity: .oneOrMore, help: "scripts")])) { args, console in
            console.write("checked \(args.positionals.count)\n")
            return 0
        },
        Command(spec: CommandSpec(name: "fmt", summary: "Format scripts", flags: [FlagSpec("check", help: "only check")])) { _, _ in 0 },
    ])

    @Test func dispatchesToTheCommand() async {
        let console = CapturingConsole()
        let code = await tool.run(["check", "a.gen", "b.gen"], console: console)
        #expect(code == 0)
        #expect(console.stdoutText == "checked 2\n")
    }

    @Test func unknownCommandSuggestsAndShowsUsage() async {
        let console = CapturingConsole()
        let code = await tool.run(["chek", "a.gen"], console: console)
        #expect(code == 64)
        #expect(console.stderrText.hasPrefix("error: unknown command `chek`\n  = hint: did you mean `check`?\n"))
        #expect(console.stderrText.contains("usage: gen COMMAND"))
    }

    @Test func helpAndVersion() async {
        let console = CapturingConsole()
        #expect(await tool.run(["--version"], console: console) == 0)
        #expect(console.stdoutText == "gen 0.1.0\n")
        let help = CapturingConsole()
        #expect(await tool.run(["help", "fmt"], console: help) == 0)
        #expect(help.stdoutText == "usage: gen fmt [--check]\n\nFormat scripts\n\narguments and flags:\n  --check  only check\n")
        let overview = CapturingConsole()
        #expect(await tool.run(["--help"], console: overview) == 0)
        #expect(overview.stdoutText.contains("  check  Check scripts\n  fmt    Format scripts\n"))
    }

    @Test func usageErrorsPrintTheUsageLine() async {
        let console = CapturingConsole()
        let code = await tool.run(["fmt", "--chek"], console: console)
        #expect(code == 64)
        #expect(console.stderrText == "error: unknown flag `--chek` for `gen fmt`\n  = hint: did you mean `--check`?\nusage: gen fmt [--check]\n")
    }
}
