import GenCore
import GenFormat
import GenSyntax
import Foundation
import GenTestSupport
import Testing
@testable import GenCLI
@testable import GenBenchmarks

@Suite struct BenchCommandTests {
    @Test func generatedScriptIsValidAndUsesEveryDeclarationKind() {
        var generator = ScriptGenerator(seed: 7)
        let text = generator.script(lines: 1_500)
        let (program, diagnostics) = Parser.parse(SourceFile(path: "bench.gen", text: text))
        #expect(diagnostics.isEmpty)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count >= 1_500)
        let kinds = Set(program.declarations.map { declaration -> String in
            switch declaration {
            case .import: "import"
            case .let: "let"
            case .fn: "fn"
            case .model: "model"
            case .schema: "schema"
            case .spec: "spec"
            case .arm: "arm"
            case .router: "router"
            case .quality: "quality"
            case .reward: "reward"
            case .evaluate: "evaluate"
            case .expect: "expect"
            }
        })
        #expect(kinds.count == 11)
    }

    @Test func generatedScriptFormatsIdempotently() throws {
        var generator = ScriptGenerator(seed: 9)
        let text = generator.script(lines: 1_000)
        let once = try #require(Formatter.format(SourceFile(path: "b.gen", text: text)).text)
        #expect(Formatter.format(SourceFile(path: "b.gen", text: once)).text == once)
    }

    @Test func generatorIsDeterministicPerSeed() {
        var a = ScriptGenerator(seed: 3)
        var b = ScriptGenerator(seed: 3)
        var c = ScriptGenerator(seed: 4)
        let first = a.script(lines: 300)
        #expect(first == b.script(lines: 300))
        #expect(first != c.script(lines: 300))
    }

    @Test func benchParsePrintsThroughput() async {
        let run = await bench(["parse", "--lines", "300", "--runs", "2"])
        #expect(run.code == 0)
        #expect(run.out.contains(" tokens, 0 diagnostics, 2 runs\n"))
        #expect(run.out.contains("lex+parse   best "))
        #expect(run.out.contains(" lines/s, "))
    }

    @Test func unknownBenchmarkAndBadNumbersAreUsageErrors() async {
        #expect(await bench(["lex"]).code == 64)
        #expect(await bench(["parse", "--lines", "many"]).code == 64)
        let zero = await bench(["parse", "--runs", "0"])
        #expect(zero.code == 64)
        #expect(zero.err == "error: --runs must be in 1...1000, got 0\n" + "usage: " + BenchCommand.spec.usage + "\n")
        #expect(BenchCommand.spec.usage.hasPrefix("gen-bench WHAT [FILE] [--lines N]"))
    }

    @Test func benchSavingsComparesTheScriptsRouterWithUniformAllocation() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 8).write(to: script, atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        #expect(await CommandLineTool.execute(BenchCommand.command, arguments: ["savings", script.path, "--seeds", "4,5"], console: console) == 0, "\(console.stderrText)")
        let lines = console.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("gen-bench savings \(script.path): 8 accepted per run, seeds 4, 5") == true)
        let rows = lines.filter { $0.hasPrefix("4 ") || $0.hasPrefix("5 ") || $0.hasPrefix("all ") }
        #expect(rows.count == 3)
        for row in rows {
            let cells = row.split(separator: " ")
            // seed, then tokens, candidates, tokens/accepted for each side, then the saving.
            #expect(cells.count == 8, "\(row)")
            let (tokens, perAccepted) = (Double(cells[1]) ?? 0, Double(cells[3]) ?? 0)
            #expect(abs(perAccepted - tokens / (row.hasPrefix("all") ? 16 : 8)) < 0.06)
            #expect(cells[7].hasSuffix("%"))
        }
        #expect(console.stderrText.contains("seed 4, random: 8 accepted"))
        let missing = CapturingConsole()
        #expect(await CommandLineTool.execute(BenchCommand.command, arguments: ["savings"], console: missing) == 64)
        #expect(missing.stderrText.contains("needs the script to run"))
        let badSeeds = CapturingConsole()
        #expect(await CommandLineTool.execute(BenchCommand.command, arguments: ["savings", script.path, "--seeds", "1,x"], console: badSeeds) == 64)
    }

    func bench(_ arguments: [String]) async -> (code: Int32, out: String, err: String) {
        let console = CapturingConsole()
        let code = await CommandLineTool.execute(BenchCommand.command, arguments: arguments, console: console)
        return (code, console.stdoutText, console.stderrText)
    }
}
