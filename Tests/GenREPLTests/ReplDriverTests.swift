import Testing
import GenCore
@testable import GenREPL

@Suite struct ReplDriverTests {
    @Test func scriptedSessionShowsPromptsAnswersAndErrors() {
        let input = ScriptedLineSource([
            "let base = 10",
            "schema Pair {",
            "  text: string",
            "}",
            "base * 2",
            "bse",
            ":quit",
            "never read",
        ])
        let output = CollectingReplOutput()
        let code = ReplDriver.run(session: makeSession(), input: input, output: output)
        #expect(input.prompts == ["gen> ", "gen> ", "...> ", "...> ", "gen> ", "gen> ", "gen> "])
        #expect(output.text.hasPrefix("let base = 10 : int\nschema Pair { text }\n= 20 : int\n<repl:4>:1:1: error: unknown name `bse`"))
        #expect(output.errors.contains("did you mean `base`?"))
        #expect(!output.text.contains("never read"))
        #expect(code == ExitCode.scriptError)
    }

    @Test func interruptDropsTheContinuationAndEndOfInputStops() {
        let input = ScriptedLineSource(reads: [.line("fn f("), .interrupt, .line("1 + 1"), .end, .line("2")])
        let output = CollectingReplOutput()
        let code = ReplDriver.run(session: makeSession(), input: input, output: output)
        #expect(output.text == "= 2 : int\n")
        #expect(input.prompts == ["gen> ", "...> ", "gen> ", "gen> "])
        #expect(code == ExitCode.ok)
    }

    @Test func inputEndingInsideABraceReportsIt() {
        let output = CollectingReplOutput()
        let code = ReplDriver.run(session: makeSession(), input: ScriptedLineSource(["spec s {", "  count: 3"]), output: output)
        #expect(output.errors.contains("<repl:1>:2:11: error: incomplete input"))
        #expect(code == ExitCode.scriptError)
    }
}
