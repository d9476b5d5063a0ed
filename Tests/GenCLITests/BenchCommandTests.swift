import GenCore
import GenFormat
import GenSyntax
import Testing
@testable import GenCLI

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
        let run = await gen(["bench", "parse", "--lines", "300", "--runs", "2"])
        #expect(run.code == 0)
        #expect(run.out.contains(" tokens, 0 diagnostics, 2 runs\n"))
        #expect(run.out.contains("lex+parse   best "))
        #expect(run.out.contains(" lines/s, "))
    }

    @Test func unknownBenchmarkAndBadNumbersAreUsageErrors() async {
        #expect(await gen(["bench", "lex"]).code == 64)
        #expect(await gen(["bench", "parse", "--lines", "many"]).code == 64)
        #expect(await gen(["bench", "parse", "--runs", "0"]).code == 64)
    }
}
