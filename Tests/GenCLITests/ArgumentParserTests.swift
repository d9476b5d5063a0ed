import Testing
@testable import GenCLI

@Suite struct ArgumentParserTests {
    let out = FlagSpec("out", value: "DIR", help: "output directory")
    let seed = FlagSpec("seed", value: "N", help: "seed")
    let seeds = FlagSpec("seeds", value: "1,2,3", help: "seeds")
    let check = FlagSpec("check", help: "check only")
    var run: CommandSpec {
        CommandSpec(
            name: "run", summary: "Run a script", positionals: [PositionalSpec("FILE", help: "the script")],
            flags: [out, seed, seeds, FlagSpec("format", value: "F", choices: ["text", "dot", "json"], help: "format"), check])
    }

    @Test func parsesPositionalsValuesAndSwitches() throws {
        let parsed = try ArgumentParser.parse(["a.gen", "--out", "runs/x", "--seed=7", "--check"], for: run)
        #expect(parsed.positionals == ["a.gen"])
        #expect(parsed.value(out) == "runs/x")
        #expect(try parsed.int(seed) == 7)
        #expect(parsed.has(check))
    }

    @Test func unknownFlagSuggestsTheClosest() {
        #expect(throws: UsageError(message: "unknown flag `--sed` for `gen run`", hint: "did you mean `--seed`?")) {
            try ArgumentParser.parse(["a.gen", "--sed", "3"], for: run)
        }
    }

    @Test func missingValueAndBadChoiceAreReported() {
        #expect(throws: UsageError(message: "--out expects a value (DIR)")) {
            try ArgumentParser.parse(["a.gen", "--out"], for: run)
        }
        #expect(throws: UsageError(message: "--format must be one of text, dot, json, got `jsn`", hint: "did you mean `json`?")) {
            try ArgumentParser.parse(["a.gen", "--format", "jsn"], for: run)
        }
    }

    @Test func positionalCountsAreChecked() {
        #expect(throws: UsageError(message: "`gen run` needs FILE: the script")) {
            try ArgumentParser.parse([], for: run)
        }
        #expect(throws: UsageError(message: "unexpected argument `b.gen` for `gen run`")) {
            try ArgumentParser.parse(["a.gen", "b.gen"], for: run)
        }
    }

    @Test func badIntegerIsAUsageError() throws {
        let parsed = try ArgumentParser.parse(["a.gen", "--seed", "x1"], for: run)
        #expect(throws: UsageError(message: "--seed expects a whole number, got `x1`")) { try parsed.int(seed) }
    }

    @Test func rangesAndListsAreCheckedWhereTheFlagIsRead() throws {
        let parsed = try ArgumentParser.parse(["a.gen", "--seed", "-3", "--seeds", "1,x"], for: run)
        #expect(throws: UsageError(message: "--seed must be at least 0, got -3")) { try parsed.int(seed, in: 0...Int.max) }
        #expect(throws: UsageError(message: "--seeds takes whole numbers in 0...9 separated by commas, like 1,2,3; got `1,x`")) {
            try parsed.ints(seeds, in: 0...9)
        }
        #expect(try ArgumentParser.parse(["a.gen", "--seeds", "4, 5"], for: run).ints(seeds, in: 0...9) == [4, 5])
    }

    @Test func doubleDashEndsFlags() throws {
        let parsed = try ArgumentParser.parse(["--", "--weird.gen"], for: run)
        #expect(parsed.positionals == ["--weird.gen"])
    }
}
