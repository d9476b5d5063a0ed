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

    /// Before, one `catch` turned any error a command threw into exit 64 and dropped some messages.
    @Test func everyErrorACommandThrowsIsPrintedWithItsOwnExitCode() async {
        struct Broken: Error, CustomStringConvertible { var description: String { "the disk is full" } }
        let tool = CommandLineTool(version: "0.1.0", commands: [
            Command(spec: CommandSpec(name: "usage", summary: "")) { _, _ in throw UsageError(message: "bad value", hint: "try 3") },
            Command(spec: CommandSpec(name: "missing", summary: "")) { _, _ in throw CommandFailure("cannot read x", exitCode: 66) },
            Command(spec: CommandSpec(name: "broken", summary: "")) { _, _ in throw Broken() },
        ])
        let usage = CapturingConsole()
        #expect(await tool.run(["usage"], console: usage) == 64)
        #expect(usage.stderrText == "error: bad value\n  = hint: try 3\nusage: gen usage\n")
        let missing = CapturingConsole()
        #expect(await tool.run(["missing"], console: missing) == 66)
        #expect(missing.stderrText == "error: cannot read x\n")
        let broken = CapturingConsole()
        #expect(await tool.run(["broken"], console: broken) == 70)
        #expect(broken.stderrText == "error: the disk is full\n")
    }

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
